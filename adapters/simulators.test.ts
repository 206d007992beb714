import { Registry } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpClientFactory } from '../platform/http-client/http-client-factory.ts'
import { buildAdapterRegistry } from './adapter-registry.ts'
import { installedAdapters } from './installed-adapters.ts'
import { type RunningSimulators, startAllSimulators } from './simulators.ts'

describe('startAllSimulators', () => {
  let sims: RunningSimulators
  const http = createHttpClientFactory({ registry: new Registry() })
  beforeAll(async () => {
    sims = await startAllSimulators()
  })
  afterAll(async () => {
    await http.close()
    await sims.close()
  })

  it('gives every installed adapter a running simulator that answers its health check', async () => {
    const registry = buildAdapterRegistry({ modules: installedAdapters, env: sims.env, http })
    expect(registry.list().map((a) => a.name)).toEqual(installedAdapters.map((m) => m.name))
    const health = await registry.health()
    expect(Object.values(health).map((h) => h.status)).toEqual(installedAdapters.map(() => 'up'))
  })
})
