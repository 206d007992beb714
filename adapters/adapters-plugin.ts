import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { createHttpClientFactory } from '../platform/http-client/http-client-factory.ts'
import { type AdapterRegistry, buildAdapterRegistry } from './adapter-registry.ts'
import { installedAdapters } from './installed-adapters.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The department adapters configured by `ADAPTER_*` variables (see adapters/README.md). */
    adapters: AdapterRegistry
  }
}

export interface AdaptersPluginOptions {
  /** Where `ADAPTER_*` settings come from: `config.adapters`, plus simulators in the embedded default. */
  env: Record<string, string | undefined>
}

/** One outbound HTTP client factory (metrics on the app registry) and the adapter registry built on it. */
export const adaptersPlugin = fp<AdaptersPluginOptions>(
  async (app: FastifyInstance, opts) => {
    const http = createHttpClientFactory({ registry: app.metrics.registry })
    app.decorate('adapters', buildAdapterRegistry({ modules: installedAdapters, env: opts.env, http }))
    app.addHook('onClose', async () => {
      await http.close()
    })
  },
  { name: 'adapters', dependencies: ['metrics'] },
)
