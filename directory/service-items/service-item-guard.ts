import type { Knex } from 'knex'
import { NotAllowedError } from '../../platform/errors/app-error.ts'
import { canChangeServiceItem, canOverrideProvince } from '../../policies/service-item-policy.ts'
import type { Principal, ServiceItemMaterial } from '../../schemas/generated/types.ts'
import { type AuditSink, deniedAudit } from './service-item-changes.ts'
import { maintainedByProvince, serviceItemNotFound, serviceItemRetired } from './service-item-errors.ts'
import { listMaterials } from './service-item-material-store.ts'
import { findServiceItem, type ServiceItemRecord } from './service-item-store.ts'

/**
 * The checks before a change of the catalog: the policy's answer (a refusal audited as denied before
 * the 403), and the state of the item (retired, or maintained by the province).
 */

export async function authorizeChange(
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

/**
 * The locked item if the caller may change it now: it exists, the caller maintains it, it is not
 * retired, and it is not the province's (unless an admin overrides, or `allowedOnProvince` says this
 * change is one the city may make to a synced item).
 */
export async function lockChangeable(
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
  await authorizeChange(p, current.department, action, code, audit)
  if (current.status === 'retired') throw serviceItemRetired(code)
  if (current.origin === 'province') {
    if (override) {
      const decision = canOverrideProvince(p)
      if (!decision.allowed) {
        await audit(deniedAudit(action, code, decision.reason))
        throw new NotAllowedError(decision.reason, 'Only hub admins may take an item over from the province')
      }
    } else if (!allowedOnProvince?.(await listMaterials(trx, code))) {
      throw maintainedByProvince(code)
    }
  }
  return current
}
