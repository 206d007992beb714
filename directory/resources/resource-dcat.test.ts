import { readFile } from 'node:fs/promises'
import path from 'node:path'
import jsonld from 'jsonld'
import { Parser, Store } from 'n3'
import SHACLValidator from 'rdf-validate-shacl'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { seedDemoResources } from './resource-demo-seed.ts'

// The DCAT-AP export against the official DCAT-AP 3.0.1 SHACL shapes (dcat-ap/README.md): zero
// violations, with the EU vocabularies' IRIs where the shapes want controlled values, and every
// IRI on the configured public URL.

const PUBLIC_URL = 'https://hub.example.gov.cn'
const hub = useTestApp({
  env: { HUB_PUBLIC_URL: `${PUBLIC_URL}/`, HUB_CATALOG_PUBLISHER: '市政务服务管理局' },
})
let token: string

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  await seedDemoResources(hub.database.db)
  token = await hub.token({ roles: ['consumer'], department: 'lf-approval' })
})

const SHAPES = ['shapes.ttl', 'range.ttl', 'mdr-vocabularies.shape.ttl']

async function turtle(file: string, into: Store): Promise<void> {
  const text = await readFile(path.join(import.meta.dirname, 'dcat-ap', file), 'utf8')
  into.addQuads(new Parser({ format: 'text/turtle' }).parse(text))
}

async function exportDcat(host = 'localhost'): Promise<Record<string, unknown>> {
  const res = await hub.app.inject({
    method: 'GET',
    url: '/v1/resources/export?format=dcat',
    headers: { authorization: `Bearer ${token}`, host },
  })
  expect(res.statusCode).toBe(200)
  return res.json()
}

async function validate(document: Record<string, unknown>) {
  const shapes = new Store()
  for (const file of SHAPES) await turtle(file, shapes)
  const data = new Store()
  await turtle('eu-vocabularies.ttl', data)
  const nquads = (await jsonld.toRDF(document as never, {
    format: 'application/n-quads',
  })) as unknown as string
  data.addQuads(new Parser({ format: 'application/n-quads' }).parse(nquads))
  const report = await new SHACLValidator(shapes).validate(data)
  return report.results.map((r) => ({
    severity: r.severity?.value.split('#').at(-1),
    focus: r.focusNode?.value,
    path: r.path?.value,
    message: r.message.map((m) => m.value).join(' '),
  }))
}

describe('DCAT-AP 3 export', () => {
  it('conforms to the DCAT-AP 3.0.1 SHACL shapes: no violations', async () => {
    const results = await validate(await exportDcat())
    expect(results.filter((r) => r.severity === 'Violation')).toEqual([])
  })

  it('would catch what the export used to get wrong (the shapes are live, not vacuous)', async () => {
    const catalog = await exportDcat()
    const { 'dct:description': _description, 'dct:publisher': _publisher, ...bare } = catalog
    const datasets = (bare['dcat:dataset'] as Record<string, unknown>[]).map((d) => ({
      ...d,
      'dcat:distribution': [{ '@type': 'dcat:Distribution', 'dct:title': 'api', 'dct:format': 'postgresql' }],
    }))
    const results = await validate({ ...bare, 'dcat:dataset': datasets })
    const violations = results.filter((r) => r.severity === 'Violation').map((r) => r.path)
    expect(violations).toEqual(
      expect.arrayContaining([
        'http://purl.org/dc/terms/description',
        'http://purl.org/dc/terms/publisher',
        'http://purl.org/dc/terms/format',
        'http://www.w3.org/ns/dcat#accessURL',
      ]),
    )
  })

  it('describes and attributes the catalog, and says what each distribution really is', async () => {
    const catalog = await exportDcat()
    expect(catalog['dct:description']).toMatchObject({ '@language': 'zh' })
    expect(catalog['dct:publisher']).toMatchObject({ 'foaf:name': { '@value': '市政务服务管理局' } })
    const datasets = catalog['dcat:dataset'] as Record<string, unknown>[]
    const fund = datasets.find((d) => (d['dct:identifier'] as string) === '203002/00001')!
    const [api] = fund['dcat:distribution'] as Record<string, Record<string, string>>[]
    // An API distribution is JSON from the fetch endpoint, not the provider's storage type.
    expect(api!['dct:format']!['@id']).toBe('http://publications.europa.eu/resource/authority/file-type/JSON')
    expect(api!['dcat:mediaType']!['@id']).toBe(
      'https://www.iana.org/assignments/media-types/application/json',
    )
    expect(api!['dcat:accessURL']!['@id']).toBe(`${PUBLIC_URL}/v1/exchange/fetch`)
    expect(api!['dct:title']!['@value']).toBe('住房公积金缴存信息（接口查询）')
  })

  it("builds every IRI on the configured public URL, whatever the request's Host header", async () => {
    const text = JSON.stringify(await exportDcat('attacker.example'))
    expect(text).not.toContain('attacker.example')
    const iris = [...text.matchAll(/"@id":"([^"]+)"/g)].map((m) => m[1]!)
    const own = iris.filter((iri) => !/^https?:\/\/(publications\.europa\.eu|www\.iana\.org)\//.test(iri))
    expect(own.length).toBeGreaterThan(10)
    for (const iri of own) expect(iri.startsWith(`${PUBLIC_URL}/`)).toBe(true)
  })
})
