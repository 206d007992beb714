import type { Knex } from 'knex'
import { NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import { idempotently } from '../../platform/http/idempotency.ts'
import { canChangeServiceItem, canOverrideProvince } from '../../policies/service-item-policy.ts'
import type {
  Principal,
  ServiceItem,
  ServiceItemMaterial,
  ServiceItemMaterialList,
  ServiceItemMaterialPut,
  ServiceItemUpdate,
} from '../../schemas/generated/types.ts'
import {
  type AuditSink,
  changeAudit,
  deniedAudit,
  type ServiceItemEventType,
  serviceItemEvent,
} from './service-item-changes.ts'
import {
  maintainedByProvince,
  serviceItemExists,
  serviceItemNotFound,
  serviceItemRetired,
  translateDuplicate,
} from './service-item-errors.ts'
import { listMaterials, replaceMaterials } from './service-item-material-store.ts'
import { departmentFacts, serviceItemView } from './service-item-read-model.ts'
import {
  type CodePatterns,
  fieldProblems,
  type ItemInput,
  recordOf,
  referenceProblems,
  searchTextOf,
  throwIfAny,
  toMaterials,
} from './service-item-rules.ts'
import {
  findServiceItem,
  insertServiceItems,
  replaceServiceItem,
  type ServiceItemRecord,
} from './service-item-store.ts'
import { findVersion, insertVersions } from './service-item-version-store.ts'

/** One version to write: the item's next stored state and its materials. */
export interface NextVersion {
  record: Omit<ServiceItemRecord, 'updatedAt'>
  materials: ServiceItemMaterial[]
  departmentName: string | null
}

/**
 * The rules of the 事项 catalog: create (version 1), update (the next version; cases keep theirs),
 * retire, and the materials. Every change locks the item, writes the version snapshot, its outbox
 * event and its audit record in one transaction; a refused change is audited as denied first.
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
    p: Principal,
    draft: ItemInput,
    idempotencyKey: string | undefined,
    audit: AuditSink,
  ): Promise<{ item: ServiceItem; replayed: boolean }> {
    await this.authorize(p, draft.department, 'create', draft.code, audit)
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
            this.write(trx, p.subject, 'service-item.created', next, null, audit, true),
          )
        },
      ),
    )
    return { item: value, replayed }
  }

  /** The next version of the item; `materials` absent keeps the current list. */
  update(p: Principal, code: string, input: ServiceItemUpdate, audit: AuditSink): Promise<ServiceItem> {
    return this.db.transaction(async (trx) => {
      const current = await this.changeable(trx, p, code, 'update', audit, input.overrideProvince === true)
      if (input.department !== current.department)
        await this.authorize(p, input.department, 'update', code, audit)
      throwIfAny(fieldProblems(input, this.patterns, '/body'), 'The service item is not valid')
      const materials =
        input.materials ?? (await listMaterials(trx, code)).map(({ serviceItemCode, ...m }) => m)
      const checked = await referenceProblems(trx, [{ at: '/body', department: input.department, materials }])
      throwIfAny(checked.problems, 'The service item is not valid')
      const department = checked.departments.get(input.department)!
      return this.write(
        trx,
        p.subject,
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
        audit,
      )
    })
  }

  retire(
    p: Principal,
    code: string,
    reason: string,
    override: boolean,
    audit: AuditSink,
  ): Promise<ServiceItem> {
    return this.db.transaction(async (trx) => {
      const current = await this.changeable(trx, p, code, 'retire', audit, override)
      return this.next(trx, p, current, 'service-item.retired', reason.trim(), audit, (record) => ({
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
    p: Principal,
    code: string,
    materialCode: string,
    input: ServiceItemMaterialPut,
    audit: AuditSink,
  ): Promise<ServiceItemMaterial> {
    return this.db.transaction(async (trx) => {
      const current = await this.changeable(trx, p, code, 'update', audit, false, (materials) => {
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
        p,
        current,
        'service-item.updated',
        `material ${materialCode}`,
        audit,
        (r) => r,
        [...materials, material!],
      )
      return view.materials.find((m) => m.materialCode === materialCode)!
    })
  }

  removeMaterial(p: Principal, code: string, materialCode: string, audit: AuditSink): Promise<void> {
    return this.db.transaction(async (trx) => {
      const current = await this.changeable(trx, p, code, 'update', audit, false)
      const materials = await listMaterials(trx, code)
      if (!materials.some((m) => m.materialCode === materialCode))
        throw new NotFoundError('material-not-found', `Service item ${code} has no material ${materialCode}`)
      await this.next(
        trx,
        p,
        current,
        'service-item.updated',
        `material ${materialCode} removed`,
        audit,
        (r) => r,
        materials.filter((m) => m.materialCode !== materialCode),
      )
    })
  }

  /** The next version from the current one, with `change` applied to its fields. */
  private async next(
    trx: Knex.Transaction,
    p: Principal,
    current: ServiceItemRecord,
    type: ServiceItemEventType,
    comment: string | null,
    audit: AuditSink,
    change: (r: Omit<ServiceItemRecord, 'updatedAt'>) => Omit<ServiceItemRecord, 'updatedAt'>,
    materials?: ServiceItemMaterial[],
  ): Promise<ServiceItem> {
    const { updatedAt: _, ...record } = current
    const departmentName =
      current.department === null
        ? null
        : ((await departmentFacts(trx, [current.department])).get(current.department)?.name ?? null)
    return this.write(
      trx,
      p.subject,
      type,
      {
        record: change({ ...record, version: current.version + 1 }),
        materials: materials ?? (await listMaterials(trx, current.code)),
        departmentName,
      },
      comment,
      audit,
    )
  }

  /**
   * Writes a version: the item's row, its materials, the snapshot, the outbox event and the audit
   * record. Used by every change, the import and the province sync.
   */
  async write(
    trx: Knex.Transaction,
    actor: string,
    type: ServiceItemEventType,
    next: NextVersion,
    comment: string | null,
    audit: AuditSink,
    isNew = false,
  ): Promise<ServiceItem> {
    const searchText = searchTextOf(next.record, next.departmentName, next.materials)
    const saved = isNew
      ? (await insertServiceItems(trx, [{ record: next.record, searchText }]))[0]!
      : await replaceServiceItem(trx, { record: next.record, searchText })
    await replaceMaterials(trx, new Map([[saved.code, next.materials]]))
    const view: ServiceItem = { ...saved, materials: next.materials }
    await insertVersions(trx, [{ snapshot: view, changedBy: actor, change: type }])
    await appendEvents(trx, [serviceItemEvent(type, view, actor, comment)])
    await audit(changeAudit(type, view, comment))
    return view
  }

  /**
   * The locked item if the caller may change it now: it exists, the caller maintains it, it is not
   * retired, and it is not the province's (unless overridden by an admin, or `allowedOnProvince`).
   */
  private async changeable(
    trx: Knex.Transaction,
    p: Principal,
    code: string,
    action: string,
    audit: AuditSink,
    override: boolean,
    allowedOnProvince?: (materials: ServiceItemMaterial[]) => boolean,
  ): Promise<ServiceItemRecord> {
    const current = await findServiceItem(trx, code, { lock: true })
    if (!current) throw serviceItemNotFound(code)
    await this.authorize(p, current.department, action, code, audit)
    if (current.status === 'retired') throw serviceItemRetired(code)
    if (current.origin === 'province') {
      if (override) {
        const decision = canOverrideProvince(p)
        if (!decision.allowed) {
          await audit(deniedAudit(action, code, decision.reason))
          throw new NotAllowedError(
            decision.reason,
            'Only hub admins may take an item over from the province',
          )
        }
      } else if (!allowedOnProvince?.(await listMaterials(trx, code))) {
        throw maintainedByProvince(code)
      }
    }
    return current
  }

  private async authorize(
    p: Principal,
    department: string | null,
    action: string,
    code: string,
    audit: AuditSink,
  ): Promise<void> {
    const decision = canChangeServiceItem(p, department)
    if (decision.allowed) return
    await audit(deniedAudit(action, code, decision.reason))
    throw new NotAllowedError(
      decision.reason,
      'Only hub admins and stewards of the handling department maintain a service item',
    )
  }
}
