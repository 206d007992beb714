import { rulesToQuery } from '@casl/ability/extra'
import type { Knex } from 'knex'
import type { Action, HubAbility, SubjectName } from './ability.ts'

/**
 * Pushes an ability's conditions into SQL, so a list shows exactly the rows `can` would allow and
 * pagination stays correct. Only the condition shapes the ability builder produces are supported
 * (equality, $in, $gte/$lte/$gt/$lt, $ne, inverted rules); anything else is a programming error and
 * throws instead of silently widening the list.
 */

type Where = (qb: Knex.QueryBuilder) => void

/** Maps subject attributes to SQL columns (e.g. `consumerDepartment` → `access_requests.consumer_department`). */
export type ColumnMap = Readonly<Record<string, string>>

const COMPARISONS: Record<string, string> = {
  $gte: '>=',
  $lte: '<=',
  $gt: '>',
  $lt: '<',
  $ne: '<>',
  $eq: '=',
}

function conditionWhere(conditions: Record<string, unknown>, columns: ColumnMap): Where {
  return (qb) => {
    for (const [field, value] of Object.entries(conditions)) {
      const column = columns[field]
      if (!column) throw new Error(`toKnexWhere: no column for field "${field}"`)
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [op, operand] of Object.entries(value)) {
          if (op === '$in') qb.whereIn(column, operand as readonly string[])
          else if (op === '$nin') qb.whereNotIn(column, operand as readonly string[])
          else if (COMPARISONS[op]) qb.where(column, COMPARISONS[op], operand as string)
          else throw new Error(`toKnexWhere: unsupported operator ${op}`)
        }
      } else {
        qb.where(column, value as string)
      }
    }
  }
}

/**
 * A knex `where` callback equivalent to `ability.can(action, row)` for each row of `subjectType`.
 * No rule ⇒ no row; an unconditional rule ⇒ every row.
 */
export function toKnexWhere(
  ability: HubAbility,
  action: Action,
  subjectType: SubjectName,
  columns: ColumnMap,
): Where {
  const query = rulesToQuery(ability, action, subjectType, (rule) =>
    rule.inverted ? { $not: rule.conditions ?? {} } : (rule.conditions ?? {}),
  )
  if (query === null) return (qb) => void qb.whereRaw('false')
  return (qb) => {
    const allowed = (query.$or ?? []) as Record<string, unknown>[]
    const denied = (query.$and ?? []) as { $not: Record<string, unknown> }[]
    // rulesToQuery returns {} when an unconditional rule allows everything.
    if (allowed.length > 0) {
      qb.where((any) => {
        for (const conditions of allowed) any.orWhere((one) => conditionWhere(conditions, columns)(one))
      })
    }
    for (const { $not } of denied) qb.whereNot((one) => conditionWhere($not, columns)(one))
  }
}
