import { NotFoundError } from '../platform/errors/app-error.ts'
import type { HttpClientFactory } from '../platform/http-client/http-client-factory.ts'
import { loadAdapterConfig } from './adapter-config.ts'
import type { AdapterHealth, AdapterModule, DepartmentAdapter } from './adapter-contract.ts'

/**
 * Where adapters live at run time. The core asks it by adapter name or by record kind; which
 * departments exist is decided by the modules handed to `buildAdapterRegistry` and by configuration.
 */
export class AdapterRegistry {
  readonly #byName = new Map<string, DepartmentAdapter>()
  readonly #byKind = new Map<string, DepartmentAdapter>()

  register(adapter: DepartmentAdapter): void {
    if (this.#byName.has(adapter.name)) throw new Error(`adapter "${adapter.name}" is registered twice`)
    for (const { kind } of adapter.kinds) {
      const other = this.#byKind.get(kind)
      if (other) throw new Error(`record kind "${kind}" is served by both ${other.name} and ${adapter.name}`)
    }
    this.#byName.set(adapter.name, adapter)
    for (const { kind } of adapter.kinds) this.#byKind.set(kind, adapter)
  }

  list(): DepartmentAdapter[] {
    return [...this.#byName.values()]
  }

  get(name: string): DepartmentAdapter {
    const adapter = this.#byName.get(name)
    if (!adapter) throw new NotFoundError('adapter-not-found', `No adapter named "${name}" is configured.`)
    return adapter
  }

  forKind(kind: string): DepartmentAdapter {
    const adapter = this.#byKind.get(kind)
    if (!adapter)
      throw new NotFoundError('record-kind-not-served', `No adapter serves records of kind "${kind}".`)
    return adapter
  }

  forResource(resourceCode: string): DepartmentAdapter | undefined {
    return this.list().find((a) => a.resourceCodes.includes(resourceCode))
  }

  /** Health of every adapter; one that throws is reported down rather than failing the whole answer. */
  async health(): Promise<Record<string, AdapterHealth>> {
    const entries = await Promise.all(
      this.list().map(async (a) => {
        const health = await a
          .health()
          .catch(
            (error: unknown): AdapterHealth => ({ status: 'down', breaker: 'closed', detail: String(error) }),
          )
        return [a.name, health] as const
      }),
    )
    return Object.fromEntries(entries)
  }
}

/** Builds every module that has configuration (`ADAPTER_<NAME>_URL`) and registers it. */
export function buildAdapterRegistry(options: {
  modules: readonly AdapterModule[]
  env: Record<string, string | undefined>
  http: HttpClientFactory
}): AdapterRegistry {
  const registry = new AdapterRegistry()
  const settings = loadAdapterConfig(options.env, options.modules)
  for (const s of settings) {
    const module = options.modules.find((m) => m.name === s.name)!
    registry.register(module.create({ settings: s, http: options.http }))
  }
  return registry
}
