import { setTimeout as sleep } from 'node:timers/promises'
import type { Knex } from 'knex'
import type { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import {
  AppError,
  type FieldProblem,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '../../platform/errors/app-error.ts'
import type { Decision } from '../../policies/decision.ts'
import { SOURCE_HIDDEN, sourceChange, sourceRead } from '../../policies/directory-decisions.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { ResourceSource, ResourceSourcePut } from '../../schemas/generated/types.ts'
import { publishedResource } from '../fetch/fetch-source-read-model.ts'
import { RESOURCE_CACHE_TTL_MS } from '../fetch/record-reader.ts'
import { type KindFields, resolveSource } from '../fetch/record-source.ts'
import { resourceWithSource } from './resource-source-read-model.ts'
import { type SourceRow, upsertSource } from './resource-source-store.ts'

/**
 * How a resource is served (see exchange/fetch/README.md, "Which adapter and record kind serve a
 * resource"): read it — the stored setting, or what the convention derives — and set it. A setting
 * names a configured adapter, a kind it serves, and a capability the adapter has (look-ups by subject
 * for live data, a change feed for hub-held copies). Every attempt to set one is audited.
 *
 * Fetches cache the published resource with its source for RESOURCE_CACHE_TTL_MS per process, so a
 * change answers only once that time (plus a margin for a read in flight) has passed: when the PUT
 * returns, the next fetch on every instance uses the new source.
 */

export interface ResourceSourceDeps {
  db: Knex
  adapters: AdapterRegistry
  fieldsOf: KindFields
  /** Resolves once every instance's fetch cache has turned over (default: the cache's TTL + 200 ms). */
  settle?: () => Promise<void>
}

const ACTION = 'exchange.source.set'

export class ResourceSourceService {
  private readonly settle: () => Promise<void>

  constructor(private readonly deps: ResourceSourceDeps) {
    this.settle = deps.settle ?? (() => sleep(RESOURCE_CACHE_TTL_MS + 200))
  }

  async get(ctx: RequestContext, code: string): Promise<ResourceSource> {
    const [authz, resource] = await Promise.all([ctx.roleAbility(), resourceWithSource(this.deps.db, code)])
    if (!resource) throw notFound(code)
    enforce(sourceRead(authz, resource), code, 'read')
    if (resource.source) return this.explicit(resource.source)
    const published =
      resource.status === 'published' ? await publishedResource(this.deps.db, code) : undefined
    try {
      if (!published) throw notSet(code)
      const derived = resolveSource(published, this.deps.adapters, this.deps.fieldsOf)
      return {
        resourceCode: code,
        adapter: derived.adapterName,
        department: derived.department,
        recordKind: derived.kind,
        hubHeld: derived.hubHeld,
        itemFields: derived.itemFields,
        origin: 'convention',
        updatedAt: null,
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'resource-not-served') throw notSet(code)
      throw error
    }
  }

  async set(ctx: RequestContext, code: string, body: ResourceSourcePut): Promise<ResourceSource> {
    const asked = { adapter: body.adapter, recordKind: body.recordKind, hubHeld: body.hubHeld }
    let row: SourceRow
    let previous: SourceRow | null
    try {
      ;({ row, previous } = await this.store(ctx, code, body))
    } catch (error) {
      // Every refused or invalid attempt is on the trail, not only the 403s and 404s.
      if (error instanceof AppError)
        throw await ctx.audit.refused(error, {
          action: ACTION,
          resourceType: 'resource',
          resourceId: code,
          details: asked,
        })
      throw error
    }
    await ctx.audit.record({
      action: ACTION,
      resourceType: 'resource',
      resourceId: code,
      outcome: 'allowed',
      details: {
        ...asked,
        itemFields: row.item_fields,
        previous: previous && {
          adapter: previous.adapter,
          recordKind: previous.record_kind,
          hubHeld: previous.hub_held,
        },
      },
    })
    await this.settle()
    return this.explicit(row)
  }

  private async store(ctx: RequestContext, code: string, body: ResourceSourcePut) {
    const authz = await ctx.roleAbility()
    return this.deps.db.transaction(async (trx) => {
      const resource = await resourceWithSource(trx, code)
      if (!resource) throw notFound(code)
      const adapter = this.deps.adapters.list().find((a) => a.name === body.adapter)
      // An unknown adapter is judged against the provider, so the caller learns it is unknown only
      // when allowed to set the source at all.
      enforce(sourceChange(authz, resource, adapter?.department ?? resource.provider), code, 'change')
      if (!adapter)
        throw invalid('unknown-adapter', `No adapter named "${body.adapter}" is configured.`, 'adapter')
      const kind = adapter.kinds.find((k) => k.kind === body.recordKind)
      if (!kind)
        throw invalid(
          'record-kind-not-served',
          `The ${adapter.name} adapter serves ${adapter.kinds.map((k) => k.kind).join(', ')}, not "${body.recordKind}".`,
          'recordKind',
        )
      if (body.hubHeld && !adapter.changesSince)
        throw invalid(
          'adapter-cannot-sync',
          `The ${adapter.name} system offers no change feed, so the hub cannot keep a copy; serve it live.`,
          'hubHeld',
        )
      if (!body.hubHeld && !adapter.lookupBySubject)
        throw invalid(
          'adapter-cannot-look-up',
          `The ${adapter.name} system cannot be asked by subject, so it cannot be served live.`,
          'hubHeld',
        )
      const fields = this.deps.fieldsOf(kind.schema)
      const itemFields = Object.entries(body.itemFields ?? {}).flatMap(([item, field]) =>
        field === undefined ? [] : [[item, field] as const],
      )
      const unknown = itemFields.filter(([, field]) => !fields.includes(field))
      if (unknown.length > 0)
        throw new InputError(
          'unknown-canonical-field',
          `Fields not in ${kind.kind}: ${unknown.map(([, f]) => f).join(', ')}.`,
          {
            errors: unknown.map(
              ([item, field]): FieldProblem => ({
                path: `/body/itemFields/${item}`,
                message: `"${field}" is not a field of ${kind.kind}`,
              }),
            ),
          },
        )
      const row = await upsertSource(trx, {
        resourceCode: code,
        adapter: adapter.name,
        recordKind: kind.kind,
        hubHeld: body.hubHeld,
        itemFields: itemFields.length > 0 ? Object.fromEntries(itemFields) : null,
      })
      return { row, previous: resource.source }
    })
  }

  private explicit(row: SourceRow): ResourceSource {
    const adapter = this.deps.adapters.list().find((a) => a.name === row.adapter)
    return {
      resourceCode: row.resource_code,
      adapter: row.adapter,
      department: adapter?.department ?? null,
      recordKind: row.record_kind,
      hubHeld: row.hub_held,
      itemFields: row.item_fields,
      origin: 'explicit',
      updatedAt: row.updated_at.toISOString(),
    }
  }
}

function enforce(decision: Decision, code: string, action: 'read' | 'change'): void {
  if (decision.allowed) return
  if (decision.reason === SOURCE_HIDDEN) throw notFound(code)
  throw new NotAllowedError(decision.reason, `Not allowed to ${action} how resource ${code} is served.`)
}

function notFound(code: string): NotFoundError {
  return new NotFoundError('resource-not-found', `No resource ${code}.`)
}

function notSet(code: string): NotFoundError {
  return new NotFoundError(
    'resource-source-not-set',
    `Resource ${code} has no stored source and none can be derived (it is not published, or no configured adapter serves its items).`,
  )
}

function invalid(code: string, detail: string, field: string): InputError {
  return new InputError(code, detail, { errors: [{ path: `/body/${field}`, message: detail }] })
}
