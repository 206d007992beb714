import { Registry } from 'prom-client'
import { afterAll, beforeAll } from 'vitest'
import { createHttpClientFactory } from '../../platform/http-client/http-client-factory.ts'
import { envPrefix } from '../adapter-config.ts'
import type { AdapterModule, DepartmentAdapter } from '../adapter-contract.ts'
import { type AdapterRegistry, buildAdapterRegistry } from '../adapter-registry.ts'
import type { RunningSimulator } from './simulator-server.ts'

/**
 * An adapter against its department's running simulator, for a test file that runs the two
 * together: the simulator starts before the file's tests and stops after them, with the HTTP clients.
 * The adapter is built as configuration builds it (`ADAPTER_<NAME>_URL` and `_TOKEN`).
 */
export function useSimulatedAdapter(
  module: AdapterModule,
  start: () => Promise<RunningSimulator>,
  demoToken: string,
) {
  let sim: RunningSimulator | undefined
  const http = createHttpClientFactory({ registry: new Registry() })
  beforeAll(async () => {
    sim = await start()
  })
  afterAll(async () => {
    await http.close()
    await sim?.close()
  })
  const registry = (token = demoToken): AdapterRegistry => {
    if (!sim) throw new Error('useSimulatedAdapter: the simulator is not running (use it inside a test)')
    const prefix = envPrefix(module.name)
    return buildAdapterRegistry({
      modules: [module],
      env: { [`${prefix}_URL`]: sim.url, [`${prefix}_TOKEN`]: token },
      http,
    })
  }
  return {
    registry,
    /** The adapter, with the simulator's demo credential unless another `token` is given. */
    adapter: (token = demoToken): DepartmentAdapter => registry(token).get(module.name),
  }
}
