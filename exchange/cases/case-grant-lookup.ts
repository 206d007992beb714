import type { Knex } from 'knex'
import type { CaseGrant, CaseGrantLookup } from '../../policies/case-policy.ts'

/**
 * Reads grants on the case-data resource, read-only. The resource code comes from
 * `CASE_DATA_RESOURCE_CODE` (default `204001/00001`, the demo 办件信息 resource). A grant's service
 * items are those of the access request it answers; none means every service item.
 */

/** The default of `CASE_DATA_RESOURCE_CODE` (`app.config.cases.dataResourceCode`), which the demo seeds. */
export const DEFAULT_CASE_DATA_RESOURCE_CODE = '204001/00001'

export interface ActiveCaseGrant extends CaseGrant {
  department: string
  serviceItems: readonly string[]
}

interface GrantRow {
  id: string
  consumer_department: string
  items: string[]
  row_conditions: { districtIn?: string[] } | null
  service_items: string[] | null
}

export class DbCaseGrantLookup implements CaseGrantLookup {
  private cached: { at: number; grants: Promise<ActiveCaseGrant[]> } | undefined

  /** `cacheMs` > 0 trades that much staleness for fewer reads; the hub's own paths use 0. */
  constructor(
    private readonly db: Knex,
    private readonly resourceCode: string,
    private readonly cacheMs = 0,
  ) {}

  async activeCaseGrant(departmentCode: string, serviceItemCode?: string): Promise<CaseGrant | null> {
    const grants = await this.allActive()
    const match = grants.find(
      (g) =>
        g.department === departmentCode &&
        (serviceItemCode === undefined ||
          g.serviceItems.length === 0 ||
          g.serviceItems.includes(serviceItemCode)),
    )
    return match
      ? {
          grantId: match.grantId,
          items: match.items,
          ...(match.districts ? { districts: match.districts } : {}),
        }
      : null
  }

  /** Every active, currently valid grant on case data; `db` lets a transaction read its own snapshot. */
  allActive(db: Knex | Knex.Transaction = this.db): Promise<ActiveCaseGrant[]> {
    const now = Date.now()
    if (this.cacheMs > 0 && this.cached && now - this.cached.at < this.cacheMs) return this.cached.grants
    const grants = this.load(db)
    if (this.cacheMs > 0) this.cached = { at: now, grants }
    grants.catch(() => {
      this.cached = undefined
    })
    return grants
  }

  private async load(db: Knex | Knex.Transaction): Promise<ActiveCaseGrant[]> {
    const rows = (await db('grants as g')
      .leftJoin('access_requests as r', 'r.id', 'g.request_id')
      .select('g.id', 'g.consumer_department', 'g.items', 'g.row_conditions', 'r.service_items')
      .where('g.resource_code', this.resourceCode)
      .andWhere('g.status', 'active')
      .andWhere('g.valid_from', '<=', db.fn.now())
      .andWhere('g.valid_until', '>', db.fn.now())
      .orderBy('g.id')) as GrantRow[]
    return rows.map((row) => {
      const districts = row.row_conditions?.districtIn
      return {
        grantId: String(row.id),
        department: row.consumer_department,
        items: row.items ?? [],
        serviceItems: row.service_items ?? [],
        ...(districts && districts.length > 0 ? { districts } : {}),
      }
    })
  }
}
