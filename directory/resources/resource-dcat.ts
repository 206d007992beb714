import type { Resource } from '../../schemas/generated/types.ts'

/**
 * The published catalog as a DCAT-AP 3.0.1 `dcat:Catalog` in JSON-LD, conforming to the profile's
 * SHACL shapes (kept in `dcat-ap/`, checked by resource-dcat.test.ts). Controlled values are the
 * EU vocabularies' IRIs the shapes ask for: access rights, frequencies, file types; media types
 * are IANA's. Every IRI is built on the hub's configured public URL (HUB_PUBLIC_URL), never on the
 * request's Host header, so an export means the same wherever it was asked from.
 */

const EU = 'http://publications.europa.eu/resource/authority'
const IANA = 'https://www.iana.org/assignments/media-types'

/**
 * Share type → `dct:accessRights` (EU access-right vocabulary). Within the government exchange,
 * unconditional sharing is the catalog's PUBLIC level; conditional sharing needs an approved
 * request (RESTRICTED); not-shared entries are listed only (NON_PUBLIC).
 */
export const ACCESS_RIGHTS: Record<Resource['shareType'], string> = {
  unconditional: `${EU}/access-right/PUBLIC`,
  conditional: `${EU}/access-right/RESTRICTED`,
  'not-shared': `${EU}/access-right/NON_PUBLIC`,
}

const FREQUENCY: Record<Resource['updateCycle'], string> = {
  realtime: 'UPDATE_CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  'half-yearly': 'ANNUAL_2',
  yearly: 'ANNUAL',
  other: 'OTHER',
}

/** Format type (1272 template) → EU file-type code, for file deliveries; BIN where the NAL has none. */
const FILE_TYPE: Record<string, string> = {
  pdf: 'PDF',
  doc: 'DOC',
  docx: 'DOCX',
  txt: 'TXT',
  xls: 'XLS',
  xlsx: 'XLSX',
  csv: 'CSV',
  jpg: 'JPEG',
  png: 'PNG',
  tiff: 'TIFF',
  gif: 'GIF',
  mp4: 'MP4',
  mp3: 'MP3',
  json: 'JSON',
  xml: 'XML',
  postgresql: 'SQL',
  mysql: 'SQL',
  oracle: 'SQL',
  sqlserver: 'SQL',
}

/** Format type → IANA media type, where there is one. */
const MEDIA_TYPE: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
  mp4: 'video/mp4',
}

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
}

export interface DcatOptions {
  /** The hub's public base URL, without a trailing slash (HUB_PUBLIC_URL). */
  baseUrl: string
  /** Who publishes the catalog (HUB_CATALOG_PUBLISHER). */
  publisher: string
}

const zh = (value: string) => ({ '@value': value, '@language': 'zh' })
const fileType = (code: string) => ({ '@id': `${EU}/file-type/${code}` })
const mediaType = (type: string) => ({ '@id': `${IANA}/${type}` })

/** One distribution per share method, each saying where and in what form the data is obtained. */
function distributions(r: Resource, baseUrl: string): Record<string, unknown>[] {
  const self = `${baseUrl}/v1/resources/${encodeURIComponent(r.code)}`
  return r.shareMethods.map((method) => {
    if (method === 'api')
      return {
        '@id': `${self}#api`,
        '@type': 'dcat:Distribution',
        'dct:title': zh(`${r.name}（接口查询）`),
        'dct:description': zh(
          `经授权后通过 POST ${baseUrl}/v1/exchange/fetch 按主体查询，请求体 resourceCode 为 ${r.code}；返回 JSON。`,
        ),
        'dcat:accessURL': { '@id': `${baseUrl}/v1/exchange/fetch` },
        'dct:format': fileType('JSON'),
        'dcat:mediaType': mediaType('application/json'),
      }
    if (method === 'subscription')
      return {
        '@id': `${self}#subscription`,
        '@type': 'dcat:Distribution',
        'dct:title': zh(`${r.name}（事件订阅）`),
        'dct:description': zh('经共享申请授权后，变更以 JSON 事件推送到本部门的 Kafka 主题和回调地址。'),
        'dcat:accessURL': { '@id': `${baseUrl}/v1/access-requests` },
        'dct:format': fileType('JSON'),
        'dcat:mediaType': mediaType('application/json'),
      }
    const type = r.format.type
    return {
      '@id': `${self}#file`,
      '@type': 'dcat:Distribution',
      'dct:title': zh(`${r.name}（文件交换）`),
      'dct:description': zh(`经共享申请授权后以 ${type} 文件交换。`),
      'dcat:accessURL': { '@id': `${baseUrl}/v1/access-requests` },
      'dct:format': fileType(FILE_TYPE[type] ?? 'BIN'),
      ...(MEDIA_TYPE[type] ? { 'dcat:mediaType': mediaType(MEDIA_TYPE[type]) } : {}),
    }
  })
}

export function dcatDataset(r: Resource, baseUrl: string): Record<string, unknown> {
  const self = `${baseUrl}/v1/resources/${encodeURIComponent(r.code)}`
  return {
    '@id': self,
    '@type': 'dcat:Dataset',
    'dct:identifier': r.code,
    'dct:title': zh(r.name),
    'dct:description': zh(r.summary),
    'dct:publisher': {
      '@id': `${baseUrl}/v1/departments/${encodeURIComponent(r.provider)}`,
      '@type': 'foaf:Agent',
      'foaf:name': zh(r.providerName),
    },
    'dct:accessRights': { '@id': ACCESS_RIGHTS[r.shareType] },
    'dct:accrualPeriodicity': { '@id': `${EU}/frequency/${FREQUENCY[r.updateCycle] ?? 'OTHER'}` },
    'dct:issued': r.publishedAt === null ? undefined : { '@value': r.publishedAt, '@type': 'xsd:dateTime' },
    'dcat:version': String(r.version),
    'dcat:keyword': r.items.map((i) => zh(i.name)),
    'dct:relation': r.relatedCodes.map((code) => ({
      '@id': `${baseUrl}/v1/resources/${encodeURIComponent(code)}`,
    })),
    'dcat:distribution': distributions(r, baseUrl),
  }
}

/** A DCAT-AP 3 `dcat:Catalog` in JSON-LD, chunk by chunk. */
export async function* catalogDcat(
  resources: AsyncIterable<Resource>,
  options: DcatOptions,
  now = new Date(),
): AsyncGenerator<string> {
  const { baseUrl, publisher } = options
  const head = {
    '@context': CONTEXT,
    '@id': `${baseUrl}/v1/resources/export`,
    '@type': 'dcat:Catalog',
    'dct:title': zh('政务信息资源共享目录'),
    'dct:description': zh(
      '各部门登记、经审核发布的政务信息资源：共享类型、共享条件、更新周期、信息项与获取方式。',
    ),
    'dct:publisher': { '@id': `${baseUrl}/#publisher`, '@type': 'foaf:Agent', 'foaf:name': zh(publisher) },
    'foaf:homepage': { '@id': `${baseUrl}/docs`, '@type': 'foaf:Document' },
    'dct:modified': { '@value': now.toISOString(), '@type': 'xsd:dateTime' },
  }
  yield `${JSON.stringify(head).slice(0, -1)},"dcat:dataset":[`
  let first = true
  for await (const resource of resources) {
    yield (first ? '' : ',') + JSON.stringify(dcatDataset(resource, baseUrl))
    first = false
  }
  yield ']}'
}
