import type { Knex } from 'knex'
import { Counter, type Registry } from 'prom-client'
import type { DepartmentAdapter, ProvincialServiceItem } from '../../adapters/adapter-contract.ts'
import type { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import { readCursor, writeCursor } from '../../adapters/sync-cursor-store.ts'
import { InputError, NotAllowedError } from '../../platform/errors/app-error.ts'
import { serviceItemSync } from '../../policies/directory-decisions.ts'
import { type AuditRecorder, detachedContext, type RequestContext } from '../../policies/request-context.ts'
import type { Principal, ServiceItemMaterial, ServiceItemSyncResult } from '../../schemas/generated/types.ts'
import { refusedChange, type ServiceItemEventType } from './service-item-changes.ts'
import { listMaterials } from './service-item-material-store.ts'
import { departmentFacts } from './service-item-read-model.ts'
import { type CodePatterns, fieldProblems, recordOf, toMaterials } from './service-item-rules.ts'
import { findServiceItem, type ServiceItemRecord } from './service-item-store.ts'
import { writeVersion } from './service-item-writer.ts'

/**
 * 事项动态同步: the catalog kept in step with the provincial platform. Items come through each
 * adapter's `serviceItemsSince` (the province adapter's) and are written as `origin: province`, a new
 * version whenever something changed. An item the hub maintains locally under the same code (created
 * here, or taken over by an admin's override) is never overwritten: it is skipped, counted and logged.
 * The province does not know the city's certificate types, so a synced material keeps what can
 * replace its paper from the hub's copy (same material code). The cursor lives in `hub_sync_cursors`
 * (kind `service-items`) and advances after a whole batch, so a crash repeats at most one batch.
 */

export const SERVICE_ITEM_SYNC_KIND = 'service-items'
/** The principal the audit trail names for synced changes. */
export const PROVINCE_SYNC_SUBJECT = 'province-sync'

export type SyncResult = ServiceItemSyncResult['results'][number]

export interface SyncLog {
  warn(obj: object, msg: string): void
}

export interface ServiceItemSyncDeps {
  db: Knex
  adapters: AdapterRegistry
  patterns: CodePatterns
  /** The audit trail's recorder for a principal acting outside any request (the sync's own). */
  recorderFor: (principal: Principal) => AuditRecorder
  log: SyncLog
  registry: Registry
  maxBatches?: number
}

type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped'

export class ServiceItemSyncService {
  private readonly applied: Counter<'adapter' | 'outcome'>

  constructor(private readonly deps: ServiceItemSyncDeps) {
    this.applied =
      (deps.registry.getSingleMetric('hub_service_item_sync_total') as Counter<'adapter' | 'outcome'>) ??
      new Counter({
        name: 'hub_service_item_sync_total',
        help: 'Service items read from the provincial platform, by outcome (created, updated, unchanged, skipped)',
        labelNames: ['adapter', 'outcome'],
        registers: [deps.registry],
      })
  }

  sources(): DepartmentAdapter[] {
    return this.deps.adapters.list().filter((a) => a.serviceItemsSince)
  }

  async pull(adapterName: string): Promise<SyncResult> {
    const adapter = this.deps.adapters.get(adapterName)
    if (!adapter.serviceItemsSince)
      throw new InputError(
        'service-item-sync-not-supported',
        `Adapter ${adapterName} lists no service items.`,
      )
    let { cursor } = await readCursor(this.deps.db, adapter.name, SERVICE_ITEM_SYNC_KIND)
    const result: SyncResult = {
      adapter: adapter.name,
      received: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      caughtUp: false,
    }
    for (let batches = 0; batches < (this.deps.maxBatches ?? 50) && !result.caughtUp; batches++) {
      const batch = await adapter.serviceItemsSince(cursor)
      for (const item of batch.items) {
        const outcome = await this.apply(adapter, item)
        result[outcome]++
        this.applied.inc({ adapter: adapter.name, outcome })
      }
      await writeCursor(this.deps.db, adapter.name, SERVICE_ITEM_SYNC_KIND, batch.cursor, batch.caughtUp)
      result.received += batch.items.length
      result.caughtUp = batch.caughtUp
      cursor = batch.cursor
    }
    return result
  }

  /** A pull asked for over the API: admins only, a refusal audited before the 403. */
  async pullAllFor(ctx: RequestContext): Promise<ServiceItemSyncResult> {
    const decision = serviceItemSync(await ctx.roleAbility())
    if (!decision.allowed)
      throw await ctx.audit.refused(
        new NotAllowedError(decision.reason, 'Only hub admins run the service item sync by hand'),
        refusedChange('sync', SERVICE_ITEM_SYNC_KIND),
      )
    return this.pullAll()
  }

  /** Pulls every source; one failing does not hold up the others. */
  async pullAll(): Promise<ServiceItemSyncResult> {
    const results: SyncResult[] = []
    const failures: ServiceItemSyncResult['failures'] = []
    for (const adapter of this.sources()) {
      try {
        results.push(await this.pull(adapter.name))
      } catch (error) {
        this.deps.log.warn({ err: error, adapter: adapter.name }, 'service item sync failed')
        failures.push({ adapter: adapter.name, message: (error as Error).message })
      }
    }
    return { results, failures }
  }

  private async apply(adapter: DepartmentAdapter, item: ProvincialServiceItem): Promise<Outcome> {
    const department = (await departmentFacts(this.deps.db, [item.implementingCreditCode], 'credit')).get(
      item.implementingCreditCode,
    )
    const fields = { ...item, department: department?.code ?? '' }
    const problems = fieldProblems(fields, this.deps.patterns, '')
    if (!department || problems.length > 0) {
      this.skip(adapter, item.code, department ? problems.map((p) => p.path) : ['/implementingCreditCode'])
      return 'skipped'
    }
    // The sync writes with its own principal, in a context of its own (no request asked for it).
    const principal: Principal = {
      subject: PROVINCE_SYNC_SUBJECT,
      department: adapter.department,
      roles: ['service'],
      district: null,
    }
    const ctx = detachedContext(principal, { audit: this.deps.recorderFor(principal) })
    return this.deps.db.transaction(async (trx) => {
      const current = await findServiceItem(trx, item.code, { lock: true })
      if (current && current.origin === 'local') {
        this.skip(adapter, item.code, ['origin'], 'service item maintained locally; province change skipped')
        return 'skipped'
      }
      const kept = current ? await listMaterials(trx, item.code) : []
      const materials = toMaterials(
        item.code,
        item.materials.map((m) => {
          const local = kept.find((k) => k.materialCode === m.materialCode)
          return {
            ...m,
            certificateTypes: local?.certificateTypes ?? [],
            resourceCodes: local?.resourceCodes ?? [],
          }
        }),
      )
      const base = {
        version: (current?.version ?? 0) + 1,
        status: item.status,
        statusReason: item.status === 'retired' ? '省级平台已取消该事项' : null,
        origin: 'province' as const,
      }
      const record = recordOf(item.code, fields, department, base)
      if (current && sameContent(current, kept, record, materials)) return 'unchanged'
      const type: ServiceItemEventType = !current
        ? 'service-item.created'
        : item.status === 'retired' && current.status !== 'retired'
          ? 'service-item.retired'
          : 'service-item.updated'
      await writeVersion(
        trx,
        PROVINCE_SYNC_SUBJECT,
        type,
        { record, materials, departmentName: department.name },
        'synced from the provincial platform',
        ctx.audit,
        !current,
      )
      return current ? 'updated' : 'created'
    })
  }

  private skip(
    adapter: DepartmentAdapter,
    code: string,
    fields: string[],
    msg = 'province service item skipped',
  ) {
    this.deps.log.warn({ adapter: adapter.name, code, fields }, msg)
  }
}

function sameContent(
  current: ServiceItemRecord,
  currentMaterials: readonly ServiceItemMaterial[],
  next: Omit<ServiceItemRecord, 'updatedAt'>,
  nextMaterials: readonly ServiceItemMaterial[],
): boolean {
  const { updatedAt: _, version: _v, ...a } = current
  const { version: _w, ...b } = next
  return canonical([a, currentMaterials]) === canonical([b, nextMaterials])
}

/** JSON with object keys sorted, so two objects built in different key orders compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  )
}
