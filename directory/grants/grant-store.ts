import type { Knex } from 'knex'
import { runPrepared } from '../../platform/db/prepared-statement.ts'
import type { GrantFacts, MaskKind } from '../../policies/ability.ts'
import type { AccessRowConditions, Grant } from '../../schemas/generated/types.ts'

/** The SQL of `grants` and `grant_epochs`. */

type Db = Knex | Knex.Transaction

export interface GrantRow {
  id: string
  request_id: string | null
  resource_id: string
  resource_code: string
  provider_department: string
  consumer_department: string
  subjects: string[]
  version_from: number
  version_to: number | null
  items: string[]
  row_conditions: AccessRowConditions
  masking: Record<string, MaskKind>
  purpose_code: string
  valid_from: Date
  valid_until: Date
  rate_limit_per_minute: number | null
  daily_volume_cap: number | null
  status: 'active' | 'revoked' | 'expired'
  revoked_at: Date | null
  revoked_by: string | null
  revoke_reason: string | null
  created_at: Date
}

export type NewGrant = Omit<
  GrantRow,
  'id' | 'status' | 'revoked_at' | 'revoked_by' | 'revoke_reason' | 'created_at'
>

export const GRANT_COLUMNS: Readonly<Record<string, string>> = {
  consumerDepartment: 'grants.consumer_department',
  providerDepartment: 'grants.provider_department',
}

export function toGrant(row: GrantRow): Grant {
  return {
    id: String(row.id),
    requestId: row.request_id === null ? null : String(row.request_id),
    resourceCode: row.resource_code,
    providerDepartment: row.provider_department,
    consumerDepartment: row.consumer_department,
    subjects: row.subjects,
    versionFrom: row.version_from,
    versionTo: row.version_to,
    items: row.items,
    rowConditions: row.row_conditions,
    masking: row.masking,
    purposeCode: row.purpose_code,
    validFrom: row.valid_from.toISOString(),
    validUntil: row.valid_until.toISOString(),
    rateLimitPerMinute: row.rate_limit_per_minute,
    dailyVolumeCap: row.daily_volume_cap,
    status: row.status,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
    createdAt: row.created_at.toISOString(),
  }
}

export function toGrantFacts(row: GrantRow): GrantFacts {
  return {
    id: String(row.id),
    resourceId: String(row.resource_id),
    consumerDepartment: row.consumer_department,
    subjects: row.subjects,
    versionFrom: row.version_from,
    versionTo: row.version_to,
    items: row.items,
    rowConditions: row.row_conditions,
    masking: row.masking,
    purposeCode: row.purpose_code,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: row.status,
    rateLimitPerMinute: row.rate_limit_per_minute,
    dailyVolumeCap: row.daily_volume_cap,
  }
}

export async function insertGrant(trx: Db, grant: NewGrant): Promise<GrantRow> {
  const [row] = (await trx('grants')
    .insert({
      ...grant,
      subjects: JSON.stringify(grant.subjects),
      items: JSON.stringify(grant.items),
      row_conditions: JSON.stringify(grant.row_conditions),
      masking: JSON.stringify(grant.masking),
      status: 'active',
    })
    .returning('*')) as GrantRow[]
  return row!
}

export async function findGrant(db: Db, id: string): Promise<GrantRow | undefined> {
  return (await db('grants').where({ id }).first()) as GrantRow | undefined
}

export async function lockGrant(trx: Db, id: string): Promise<GrantRow | undefined> {
  return (await trx('grants').where({ id }).forUpdate().first()) as GrantRow | undefined
}

export async function updateGrant(trx: Db, id: string, changes: Partial<GrantRow>): Promise<GrantRow> {
  const [row] = (await trx('grants')
    .where({ id })
    .update({ ...changes, updated_at: trx.fn.now() })
    .returning('*')) as GrantRow[]
  return row!
}

/** Active grants of a department that have not ended yet (the ability keeps only those valid now). */
export async function activeGrantsOf(db: Db, department: string, now: Date): Promise<GrantRow[]> {
  return (await db('grants')
    .where({ consumer_department: department, status: 'active' })
    .where('valid_until', '>', now)) as GrantRow[]
}

/** Active grants whose validity ended at `now`, locked and skipped by concurrent expiry runs. */
export async function lockEndedGrants(trx: Db, now: Date, limit: number): Promise<GrantRow[]> {
  return (await trx('grants')
    .where({ status: 'active' })
    .where('valid_until', '<=', now)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()) as GrantRow[]
}

/** Read on every request's turn (policies/ability-service.ts): a prepared statement. */
export async function grantEpoch(db: Knex, department: string): Promise<number> {
  const { rows } = await runPrepared<{ epoch: string }>(
    db,
    'hub_grant_epoch',
    'select epoch from grant_epochs where department = $1',
    [department],
  )
  return rows[0] ? Number(rows[0].epoch) : 0
}

/** Call in the transaction of every change to the department's grants: cached abilities rebuild after it. */
export async function bumpGrantEpoch(trx: Db, department: string): Promise<void> {
  await trx.raw(
    `insert into grant_epochs (department, epoch) values (?, 1)
     on conflict (department) do update set epoch = grant_epochs.epoch + 1`,
    [department],
  )
}
