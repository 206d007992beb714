import type { Knex } from 'knex'
import type { HubAbility } from '../../policies/ability.ts'
import { toKnexWhere } from '../../policies/knex-where.ts'
import type { AccessRequest } from '../../schemas/generated/types.ts'
import {
  type AccessRequestRow,
  REQUEST_COLUMNS,
  type RequestStatus,
  selectRequests,
} from './access-request-store.ts'

/** Cross-table reads of the access feature: the catalog facts a request is checked against, and listings. */

type Db = Knex | Knex.Transaction

export interface RequestableResource {
  id: string
  code: string
  provider: string
  status: string
  shareType: AccessRequest['shareType']
  currentVersion: number | null
  /** Item codes of the current (published) version, in catalog order. */
  items: string[]
  /** Share type of each item: an item may be stricter than its resource. */
  itemShareTypes: ReadonlyMap<string, AccessRequest['shareType']>
}

/** The catalog facts of a resource as of now (read inside the request's transaction), or undefined. */
export async function requestableResource(db: Db, code: string): Promise<RequestableResource | undefined> {
  const row = (await db('resources')
    .select('id', 'code', 'provider_code', 'status', 'share_type', 'current_version')
    .where({ code })
    .first()) as
    | {
        id: string
        code: string
        provider_code: string
        status: string
        share_type: RequestableResource['shareType']
        current_version: number | null
      }
    | undefined
  if (!row) return undefined
  const items =
    row.current_version === null
      ? []
      : ((await db('resource_items')
          .select('code', 'share_type')
          .where({ resource_id: row.id, version: row.current_version })
          .orderBy('position')) as { code: string; share_type: AccessRequest['shareType'] }[])
  return {
    id: String(row.id),
    code: row.code,
    provider: row.provider_code,
    status: row.status,
    shareType: row.share_type,
    currentVersion: row.current_version,
    items: items.map((i) => i.code),
    itemShareTypes: new Map(items.map((i) => [i.code, i.share_type])),
  }
}

export type RequestView = 'mine' | 'to-decide' | 'overdue'

export interface RequestListFilter {
  view?: RequestView
  status?: RequestStatus
  resourceCode?: string
  /** Department of the caller, for the `mine` and `to-decide` views. */
  department: string | null
  /** Requests with a smaller id than this (newest first). */
  beforeId?: string
  limit: number
  now: Date
}

/** One page (plus one row, to tell whether more follow) of the requests the ability may read. */
export async function listRequests(
  db: Db,
  ability: HubAbility,
  filter: RequestListFilter,
): Promise<AccessRequestRow[]> {
  const query = selectRequests(db)
    .where(toKnexWhere(ability, 'read', 'AccessRequest', REQUEST_COLUMNS))
    .orderBy('access_requests.id', 'desc')
    .limit(filter.limit + 1)
  if (filter.view === 'mine') query.where('consumer_department', filter.department ?? '')
  if (filter.view === 'to-decide')
    query.where({ provider_department: filter.department ?? '', status: 'pending' })
  if (filter.view === 'overdue') query.where('status', 'pending').where('decision_deadline', '<=', filter.now)
  if (filter.status) query.where('status', filter.status)
  if (filter.resourceCode) query.where('resource_code', filter.resourceCode)
  if (filter.beforeId) query.where('access_requests.id', '<', filter.beforeId)
  return (await query) as AccessRequestRow[]
}
