import type { Knex } from 'knex'
import { SERVICE_ITEM_REFERENCE_SQL } from '../../directory/service-items/service-item-read-model.ts'
import type { ReferenceData } from './case-planner.ts'

/**
 * Read-only look-up of the reference data a batch of case changes names — its service items (事项,
 * read as the 事项 catalog's read model says) and the divisions (GB/T 2260) of its accepting departments — in one round trip, however many
 * first pushes the batch holds. None when no change carries basic info (steps and results).
 */
export async function loadReferenceData(
  db: Knex | Knex.Transaction,
  serviceItemCodes: readonly string[],
  departmentCodes: readonly string[],
): Promise<ReferenceData> {
  const reference: ReferenceData = { serviceItems: new Map(), divisions: new Map() }
  if (serviceItemCodes.length === 0 && departmentCodes.length === 0) return reference
  const { rows } = (await db.raw(
    `${SERVICE_ITEM_REFERENCE_SQL}
     union all
     select 'department', code, null, null, null, division_code, null, null
       from departments where code = any(?::text[])`,
    [[...new Set(serviceItemCodes)], [...new Set(departmentCodes)]],
  )) as {
    rows: {
      kind: 'item' | 'department'
      code: string
      name: string | null
      department_code: string | null
      promised_working_days: number | null
      division_code: string | null
      version: number | null
      status: 'active' | 'retired' | null
    }[]
  }
  for (const row of rows) {
    if (row.kind === 'department') reference.divisions.set(row.code, row.division_code!)
    else
      reference.serviceItems.set(row.code, {
        code: row.code,
        name: row.name!,
        departmentCode: row.department_code,
        promisedWorkingDays: row.promised_working_days,
        version: row.version!,
        status: row.status!,
      })
  }
  return reference
}
