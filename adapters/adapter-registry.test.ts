import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { NotFoundError } from '../platform/errors/app-error.ts'
import { createHttpClientFactory } from '../platform/http-client/http-client-factory.ts'
import type { AdapterModule, DepartmentAdapter } from './adapter-contract.ts'
import { AdapterRegistry, buildAdapterRegistry } from './adapter-registry.ts'

function fake(name: string, kinds: string[], health?: () => Promise<never>): DepartmentAdapter {
  return {
    name,
    department: `lf-${name}`,
    kinds: kinds.map((kind) => ({ kind, schema: `records/${kind}.json`, title: kind })),
    resourceCodes: [`R-${name}`],
    health: health ?? (async () => ({ status: 'up', breaker: 'closed' })),
  }
}

const module = (name: string, kinds: string[]): AdapterModule => ({
  name,
  defaultDepartment: `lf-${name}`,
  kinds: [],
  create: ({ settings }) => ({ ...fake(name, kinds), department: settings.department }),
})

describe('AdapterRegistry', () => {
  it('finds adapters by name, record kind and resource code', () => {
    const registry = new AdapterRegistry()
    registry.register(fake('a', ['k1', 'k2']))
    registry.register(fake('b', ['k3']))
    expect(registry.get('b').name).toBe('b')
    expect(registry.forKind('k2').name).toBe('a')
    expect(registry.forResource('R-b')?.name).toBe('b')
    expect(() => registry.forKind('k9')).toThrow(NotFoundError)
    expect(() => registry.get('zz')).toThrow(NotFoundError)
  })

  it('refuses two adapters serving the same record kind', () => {
    const registry = new AdapterRegistry()
    registry.register(fake('a', ['k1']))
    expect(() => registry.register(fake('b', ['k1']))).toThrow(/served by both a and b/)
  })

  it('reports an adapter whose health check throws as down without failing the others', async () => {
    const registry = new AdapterRegistry()
    registry.register(fake('a', ['k1']))
    registry.register(
      fake('b', ['k2'], async () => {
        throw new Error('boom')
      }),
    )
    expect(await registry.health()).toEqual({
      a: { status: 'up', breaker: 'closed' },
      b: { status: 'down', breaker: 'closed', detail: 'Error: boom' },
    })
  })

  it('builds only the configured modules, with their configured department', () => {
    const registry = buildAdapterRegistry({
      modules: [module('a', ['k1']), module('b', ['k2'])],
      env: { ADAPTER_B_URL: 'http://b.internal', ADAPTER_B_DEPARTMENT: 'hm-b' },
      http: createHttpClientFactory({ registry: new Registry() }),
    })
    expect(registry.list().map((a) => [a.name, a.department])).toEqual([['b', 'hm-b']])
  })
})
