import type { Knex } from 'knex'
import type { Resource } from '../../schemas/generated/types.ts'
import { findItemsOf } from './resource-item-store.ts'
import { assembleView } from './resource-read-model.ts'
import { listPublished } from './resource-store.ts'
import { findVersionsOf } from './resource-version-store.ts'

/**
 * The published catalog, streamed: resources are read in id-ordered batches (four queries per
 * batch, whatever its size), so memory stays flat for a catalog of any size.
 */

const BATCH = 500

export async function* publishedResources(db: Knex): AsyncGenerator<Resource> {
  let after = '0'
  for (;;) {
    const records = await listPublished(db, after, BATCH)
    if (records.length === 0) return
    const pairs = records.map((r) => [r.id, r.currentVersion!] as [string, number])
    const versions = await findVersionsOf(db, pairs)
    const items = await findItemsOf(db, pairs)
    const providers = new Map(
      (
        (await db('departments')
          .select('code', 'name')
          .whereIn('code', [...new Set(records.map((r) => r.provider))])) as { code: string; name: string }[]
      ).map((d) => [d.code, d.name]),
    )
    for (const record of records) {
      const key = `${record.id}:${record.currentVersion}`
      const version = versions.get(key)
      if (!version) continue
      yield assembleView(
        record,
        version,
        items.get(key) ?? [],
        providers.get(record.provider) ?? record.provider,
      )
    }
    after = records.at(-1)!.id
  }
}

/** `{"exportedAt": …, "resources": [ … ]}` in our own schema (resource.json), chunk by chunk. */
export async function* catalogJson(
  resources: AsyncIterable<Resource>,
  now = new Date(),
): AsyncGenerator<string> {
  yield `{"exportedAt":${JSON.stringify(now.toISOString())},"resources":[`
  let first = true
  for await (const resource of resources) {
    yield (first ? '' : ',') + JSON.stringify(resource)
    first = false
  }
  yield ']}'
}

const EU = 'http://publications.europa.eu/resource/authority'

/**
 * Share type → DCAT-AP `dct:accessRights` (EU access-right vocabulary). Within the government
 * exchange, unconditional sharing is the catalog's PUBLIC level; conditional sharing needs an
 * approved request (RESTRICTED); not-shared entries are listed only (NON_PUBLIC).
 */
export const ACCESS_RIGHTS: Record<Resource['shareType'], string> = {
  unconditional: `${EU}/access-right/PUBLIC`,
  conditional: `${EU}/access-right/RESTRICTED`,
  'not-shared': `${EU}/access-right/NON_PUBLIC`,
}

const FREQUENCY: Record<string, string> = {
  realtime: 'UPDATE_CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  'half-yearly': 'ANNUAL_2',
  yearly: 'ANNUAL',
  other: 'OTHER',
}

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
}

export function dcatDataset(r: Resource, baseUrl: string): Record<string, unknown> {
  const self = `${baseUrl}/v1/resources/${encodeURIComponent(r.code)}`
  return {
    '@id': self,
    '@type': 'dcat:Dataset',
    'dct:identifier': r.code,
    'dct:title': { '@value': r.name, '@language': 'zh' },
    'dct:description': { '@value': r.summary, '@language': 'zh' },
    'dct:publisher': {
      '@id': `${baseUrl}/v1/departments/${r.provider}`,
      '@type': 'foaf:Agent',
      'foaf:name': r.providerName,
    },
    'dct:accessRights': { '@id': ACCESS_RIGHTS[r.shareType] },
    'dct:accrualPeriodicity': { '@id': `${EU}/frequency/${FREQUENCY[r.updateCycle] ?? 'OTHER'}` },
    'dct:issued': r.publishedAt === null ? undefined : { '@value': r.publishedAt, '@type': 'xsd:dateTime' },
    'dcat:version': String(r.version),
    'dcat:keyword': r.items.map((i) => ({ '@value': i.name, '@language': 'zh' })),
    'dct:relation': r.relatedCodes.map((code) => ({
      '@id': `${baseUrl}/v1/resources/${encodeURIComponent(code)}`,
    })),
    'dcat:distribution': r.shareMethods.map((method) => ({
      '@type': 'dcat:Distribution',
      'dct:title': method,
      'dct:format': r.format.type,
      'dcat:accessURL': { '@id': self },
    })),
  }
}

/** A DCAT-AP 3 `dcat:Catalog` in JSON-LD, chunk by chunk. */
export async function* catalogDcat(
  resources: AsyncIterable<Resource>,
  baseUrl: string,
  now = new Date(),
): AsyncGenerator<string> {
  const head = {
    '@context': CONTEXT,
    '@id': `${baseUrl}/v1/resources/export`,
    '@type': 'dcat:Catalog',
    'dct:title': { '@value': '政务信息资源共享目录', '@language': 'zh' },
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
