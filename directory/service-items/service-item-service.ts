import type { Knex } from 'knex'
import { NotFoundError } from '../../platform/errors/app-error.ts'
import { idempotently } from '../../platform/http/idempotency.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type {
  ServiceItem,
  ServiceItemMaterial,
  ServiceItemMaterialList,
  ServiceItemMaterialPut,
  ServiceItemUpdate,
} from '../../schemas/generated/types.ts'
import type { ServiceItemEventType } from './service-item-changes.ts'
import { serviceItemExists, serviceItemNotFound, translateDuplicate } from './service-item-errors.ts'
import { authorizeChange, lockChangeable } from './service-item-guard.ts'
import { listMaterials } from './service-item-material-store.ts'
import { departmentFacts, serviceItemView } from './service-item-read-model.ts'
import {
  type CodePatterns,
  fieldProblems,
  type ItemInput,
  recordOf,
  referenceProblems,
  throwIfAny,
  toMaterials,
} from './service-item-rules.ts'
import { findServiceItem, type ServiceItemRecord } from './service-item-store.ts'
import { findVersion } from './service-item-version-store.ts'
import { type NextVersion, writeVersion } from './service-item-writer.ts'

/**
 * The rules of the 事项 catalog: create (version 1), update (the next version; cases keep theirs),
 * retire, and the materials. Every change locks the item, writes the version snapshot, its outbox
 * event and its audit record in one transaction; a refused change is audited as denied first (through the request context).
 * Items synced from the province (`origin: province`) are refused local edits unless an admin
 * overrides, which makes them locally maintained.
 */
export class ServiceItemService {
  constructor(
    private readonly db: Knex,
    private readonly patterns: CodePatterns,
  ) {}

  async get(code: string): Promise<ServiceItem> {
    const view = await serviceItemView(this.db, code)
    if (!view) throw serviceItemNotFound(code)
    return view
  }

  async getVersion(code: string, version: number): Promise<ServiceItem> {
    const found = await findVersion(this.db, code, version)
    if (found) return found
    if (!(await findServiceItem(this.db, code))) throw serviceItemNotFound(code)
    throw new NotFoundError(
      'service-item-version-not-found',
      `Service item ${code} has no version ${version}`,
    )
  }

  async listMaterials(code: string): Promise<ServiceItemMaterialList> {
    if (!(await findServiceItem(this.db, code))) throw serviceItemNotFound(code)
    return { serviceItemCode: code, items: await listMaterials(this.db, code) }
  }

  async create(
    ctx: RequestContext,
    draft: ItemInput,
    idempotencyKey: string | undefined,
  ): Promise<{ item: ServiceItem; replayed: boolean }> {
    const p = ctx.principal
    await authorizeChange(ctx, draft.department, 'create', draft.code)
    const { value, replayed } = await this.db.transaction((trx) =>
      idempotently(
        trx,
        { subject: p.subject, key: idempotencyKey, operation: 'createServiceItem', body: draft },
        201,
        async () => {
          throwIfAny(fieldProblems(draft, this.patterns, '/body'), 'The service item is not valid')
          const materials = draft.materials ?? []
          const checked = await referenceProblems(trx, [
            { at: '/body', department: draft.department, materials },
          ])
          throwIfAny(checked.problems, 'The service item is not valid')
          if (await findServiceItem(trx, draft.code)) throw serviceItemExists(draft.code)
          const department = checked.departments.get(draft.department)!
          const next: NextVersion = {
            record: recordOf(draft.code, draft, department, {
              version: 1,
              status: 'active',
              statusReason: null,
              origin: 'local',
            }),
            materials: toMaterials(draft.code, materials),
            departmentName: department.name,
          }
          return translateDuplicate(draft.code, () =>
            writeVersion(trx, p.subject, 'service-item.created', next, null, ctx.audit, true),
          )
        },
      ),
    )
    return { item: value, replayed }
  }

  /** The next version of the item; `materials` absent keeps the current list. */
  update(ctx: RequestContext, code: string, input: ServiceItemUpdate): Promise<ServiceItem> {
    return this.db.transaction(async (trx) => {
      const current = await lockChangeable(trx, ctx, code, 'update', input.overrideProvince === true)
      if (input.department !== current.department)
        await authorizeChange(ctx, input.department, 'update', code)
      throwIfAny(fieldProblems(input, this.patterns, '/body'), 'The service item is not valid')
      const materials =
        input.materials ?? (await listMaterials(trx, code)).map(({ serviceItemCode, ...m }) => m)
      const checked = await referenceProblems(trx, [{ at: '/body', department: input.department, materials }])
      throwIfAny(checked.problems, 'The service item is not valid')
      const department = checked.departments.get(input.department)!
      return writeVersion(
        trx,
        ctx.principal.subject,
        'service-item.updated',
        {
          record: recordOf(code, input, department, {
            version: current.version + 1,
            status: 'active',
            statusReason: null,
            origin: 'local',
          }),
          materials: toMaterials(code, materials),
          departmentName: department.name,
        },
        input.overrideProvince && current.origin === 'province' ? 'province override' : null,
        ctx.audit,
      )
    })
  }

  retire(ctx: RequestContext, code: string, reason: string, override: boolean): Promise<ServiceItem> {
    return this.db.transaction(async (trx) => {
      const current = await lockChangeable(trx, ctx, code, 'retire', override)
      return this.next(trx, ctx, current, 'service-item.retired', reason.trim(), (record) => ({
        ...record,
        status: 'retired',
        statusReason: reason.trim(),
        origin: 'local',
      }))
    })
  }

  /**
   * Defines or replaces one material (a new version). On a province item only what can replace the
   * paper may change locally (the province does not know the city's certificate types); its name,
   * necessity and copies are the province's.
   */
  putMaterial(
    ctx: RequestContext,
    code: string,
    materialCode: string,
    input: ServiceItemMaterialPut,
  ): Promise<ServiceItemMaterial> {
    return this.db.transaction(async (trx) => {
      const current = await lockChangeable(trx, ctx, code, 'update', false, (materials) => {
        const same = materials.find((m) => m.materialCode === materialCode)
        return (
          same !== undefined &&
          same.name === input.name.trim() &&
          same.required === input.required &&
          same.paperCopies === (input.paperCopies ?? 1)
        )
      })
      const checked = await referenceProblems(trx, [
        {
          at: '/body',
          department: current.department ?? '',
          materials: [input],
          materialsAt: () => '/body',
        },
      ])
      throwIfAny(
        checked.problems.filter((p) => p.code !== 'unknown-department'),
        'The material is not valid',
      )
      const materials = (await listMaterials(trx, code)).filter((m) => m.materialCode !== materialCode)
      const [material] = toMaterials(code, [{ ...input, materialCode }])
      const view = await this.next(
        trx,
        ctx,
        current,
        'service-item.updated',
        `material ${materialCode}`,
        (r) => r,
        [...materials, material!],
      )
      return view.materials.find((m) => m.materialCode === materialCode)!
    })
  }

  removeMaterial(ctx: RequestContext, code: string, materialCode: string): Promise<void> {
    return this.db.transaction(async (trx) => {
      const current = await lockChangeable(trx, ctx, code, 'update', false)
      const materials = await listMaterials(trx, code)
      if (!materials.some((m) => m.materialCode === materialCode))
        throw new NotFoundError('material-not-found', `Service item ${code} has no material ${materialCode}`)
      await this.next(
        trx,
        ctx,
        current,
        'service-item.updated',
        `material ${materialCode} removed`,
        (r) => r,
        materials.filter((m) => m.materialCode !== materialCode),
      )
    })
  }

  /** The next version from the current one, with `change` applied to its fields. */
  private async next(
    trx: Knex.Transaction,
    ctx: RequestContext,
    current: ServiceItemRecord,
    type: ServiceItemEventType,
    comment: string | null,
    change: (r: Omit<ServiceItemRecord, 'updatedAt'>) => Omit<ServiceItemRecord, 'updatedAt'>,
    materials?: ServiceItemMaterial[],
  ): Promise<ServiceItem> {
    const { updatedAt: _, ...record } = current
    const departmentName =
      current.department === null
        ? null
        : ((await departmentFacts(trx, [current.department])).get(current.department)?.name ?? null)
    return writeVersion(
      trx,
      ctx.principal.subject,
      type,
      {
        record: change({ ...record, version: current.version + 1 }),
        materials: materials ?? (await listMaterials(trx, current.code)),
        departmentName,
      },
      comment,
      ctx.audit,
    )
  }
}
