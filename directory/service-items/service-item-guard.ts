import type { Knex } from 'knex'
import { NotAllowedError } from '../../platform/errors/app-error.ts'
import { provinceOverride, serviceItemChange } from '../../policies/directory-decisions.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { ServiceItemMaterial } from '../../schemas/generated/types.ts'
import { refusedChange } from './service-item-changes.ts'
import { maintainedByProvince, serviceItemNotFound, serviceItemRetired } from './service-item-errors.ts'
import { listMaterials } from './service-item-material-store.ts'
import { findServiceItem, type ServiceItemRecord } from './service-item-store.ts'

/**
 * The checks before a change of the catalog: the caller's ability (a refusal audited as denied before
 * the 403), and the state of the item (retired, or maintained by the province).
 */

export async function authorizeChange(
  ctx: RequestContext,
  department: string | null,
  action: string,
  code: string,
): Promise<void> {
  const decision = serviceItemChange(await ctx.roleAbility(), department)
  if (decision.allowed) return
  throw await ctx.audit.refused(
    new NotAllowedError(
      decision.reason,
      'Only hub admins and stewards of the handling department maintain a service item',
    ),
    refusedChange(action, code),
  )
}

/**
 * The locked item if the caller may change it now: it exists, the caller maintains it, it is not
 * retired, and it is not the province's (unless an admin overrides, or `allowedOnProvince` says this
 * change is one the city may make to a synced item).
 */
export async function lockChangeable(
  trx: Knex.Transaction,
  ctx: RequestContext,
  code: string,
  action: string,
  override: boolean,
  allowedOnProvince?: (materials: ServiceItemMaterial[]) => boolean,
): Promise<ServiceItemRecord> {
  const current = await findServiceItem(trx, code, { lock: true })
  if (!current) throw serviceItemNotFound(code)
  await authorizeChange(ctx, current.department, action, code)
  if (current.status === 'retired') throw serviceItemRetired(code)
  if (current.origin === 'province') {
    if (override) {
      const decision = provinceOverride(await ctx.roleAbility())
      if (!decision.allowed)
        throw await ctx.audit.refused(
          new NotAllowedError(decision.reason, 'Only hub admins may take an item over from the province'),
          refusedChange(action, code),
        )
    } else if (!allowedOnProvince?.(await listMaterials(trx, code))) {
      throw maintainedByProvince(code)
    }
  }
  return current
}
