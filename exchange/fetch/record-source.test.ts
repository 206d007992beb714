import { describe, expect, it } from 'vitest'
import type { DepartmentAdapter, RecordKindInfo } from '../../adapters/adapter-contract.ts'
import { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import type { PublishedResource } from './fetch-source-read-model.ts'
import { toItemValues } from './record-item-map.ts'
import { resolveSource } from './record-source.ts'

const FIELDS: Record<string, string[]> = {
  'records/social-insurance-contribution.json': ['recordId', 'subjectId', 'subjectName', 'period', 'paid'],
  'records/social-insurance-enrolment.json': ['recordId', 'subjectId', 'subjectName', 'employerName'],
}
const fieldsOf = (schema: string) => FIELDS[schema] ?? []
const kind = (name: string): RecordKindInfo => ({ kind: name, schema: `records/${name}.json`, title: name })

function adapter(name: string, department: string, resourceCodes: string[] = []): DepartmentAdapter {
  return {
    name,
    department,
    resourceCodes,
    kinds: name === 'hrss' ? [kind('social-insurance-enrolment'), kind('social-insurance-contribution')] : [],
    health: async () => ({ status: 'up', breaker: 'closed' }),
    lookupBySubject: async () => [],
  }
}

const registry = () => {
  const r = new AdapterRegistry()
  r.register(adapter('hrss', 'lf-hrss'))
  r.register(adapter('other', 'lf-other', ['999001/00001']))
  return r
}

const resource = (overrides: Partial<PublishedResource> = {}): PublishedResource => ({
  id: '1',
  code: '203001/00001',
  provider: 'lf-hrss',
  version: 1,
  shareType: 'conditional',
  sourceAdapter: null,
  items: ['xm', 'gmsfhm', 'jfny', 'jfzt'],
  explicit: null,
  ...overrides,
})

describe('resolveSource', () => {
  it('finds the adapter by department code in sourceAdapter and picks the kind covering most items', () => {
    const source = resolveSource(resource({ sourceAdapter: 'lf-hrss' }), registry(), fieldsOf)
    expect(source).toMatchObject({
      adapterName: 'hrss',
      kind: 'social-insurance-contribution',
      hubHeld: false,
    })
  })

  it("falls back to the provider's adapter, and lets an explicit row choose the kind", () => {
    expect(resolveSource(resource(), registry(), fieldsOf).adapterName).toBe('hrss')
    const explicit = resolveSource(
      resource({
        explicit: {
          adapter: 'hrss',
          recordKind: 'social-insurance-enrolment',
          hubHeld: false,
          itemFields: null,
        },
      }),
      registry(),
      fieldsOf,
    )
    expect(explicit.kind).toBe('social-insurance-enrolment')
  })

  it('reads hub-held data even when its adapter is not configured on this instance', () => {
    const source = resolveSource(
      resource({
        explicit: {
          adapter: 'gone',
          recordKind: 'social-insurance-contribution',
          hubHeld: true,
          itemFields: null,
        },
      }),
      registry(),
      fieldsOf,
    )
    expect(source).toMatchObject({
      adapterName: 'gone',
      hubHeld: true,
      department: 'lf-hrss',
      adapter: undefined,
    })
  })

  it('answers 503 resource-not-served when nothing serves the resource', () => {
    expect(() => resolveSource(resource({ provider: 'lf-nobody' }), registry(), fieldsOf)).toThrow(
      expect.objectContaining({ status: 503, code: 'resource-not-served' }),
    )
    expect(() => resolveSource(resource({ items: ['zzz'] }), registry(), fieldsOf)).toThrow(
      expect.objectContaining({ code: 'resource-not-served' }),
    )
  })
})

describe('toItemValues', () => {
  it('renames canonical fields to item codes, identity for matching names, overrides first', () => {
    const data = { subjectName: '王小明', period: '2026-10', paid: true, subjectId: '1' }
    const fields = FIELDS['records/social-insurance-contribution.json']!
    expect(
      toItemValues(data, ['xm', 'jfny', 'paid', 'nothing'], 'social-insurance-contribution', fields),
    ).toEqual({
      xm: '王小明',
      jfny: '2026-10',
      paid: true,
    })
    expect(toItemValues(data, ['xm'], 'social-insurance-contribution', fields, { xm: 'subjectId' })).toEqual({
      xm: '1',
    })
  })
})
