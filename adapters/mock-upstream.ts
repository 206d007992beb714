/**
 * Interception at the adapter boundary for adapter tests. nock patches node:http and global
 * fetch, but the hub calls out through undici pools, which nock cannot see; undici's MockAgent is
 * the same idea for undici, so adapter tests use it through this helper.
 */
import { Registry } from 'prom-client'
import { MockAgent } from 'undici'
import { createHttpClientFactory, type UpstreamOptions } from '../platform/http-client/http-client-factory.ts'

export const MOCK_ORIGIN = 'http://department.test'

export function mockUpstream(options: Partial<UpstreamOptions> = {}) {
  const agent = new MockAgent()
  agent.disableNetConnect()
  const registry = new Registry()
  const factory = createHttpClientFactory({ registry })
  const client = factory.create({
    name: options.name ?? 'mocked',
    baseUrl: MOCK_ORIGIN,
    dispatcher: agent,
    retry: { retries: 0 },
    ...options,
  })
  return {
    client,
    registry,
    /** Intercepts on the department system's origin. */
    upstream: agent.get(MOCK_ORIGIN),
    /** Fails the test when an expected call was not made. */
    assertAllCalled: () => agent.assertNoPendingInterceptors(),
    close: async () => {
      await factory.close()
      await agent.close()
    },
  }
}

export const jsonHeaders = { headers: { 'content-type': 'application/json; charset=utf-8' } }
