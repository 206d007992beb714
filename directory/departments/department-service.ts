import type { Knex } from 'knex'
import { ConflictError, NotFoundError } from '../../platform/errors/app-error.ts'
import { mapUniqueViolation } from '../../platform/errors/unique-violation.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import { idempotently } from '../../platform/http/idempotency.ts'
import { isKnownDivision } from '../../platform/identifiers/index.ts'
import type {
  Department,
  DepartmentCreate,
  DepartmentList,
  DepartmentUpdate,
} from '../../schemas/generated/types.ts'
import { DIRECTORY_TOPIC } from '../directory-topic.ts'
import { refreshProviderSearchTexts } from '../resources/resource-metadata.ts'
import {
  checkName,
  checkShortName,
  DEPARTMENT_CODE,
  decodeCursor,
  encodeCursor,
  isHigherLevel,
  KINDS,
  LEVEL_RANK,
  normalizeCreditCode,
  throwIfInvalid,
  type Violation,
  violation,
} from './department-rules.ts'
import {
  ancestorCodes,
  type DepartmentChanges,
  type DepartmentKind,
  type DepartmentLevel,
  findCodeByCreditCode,
  findDepartment,
  insertDepartment,
  listDepartments,
  lockDepartmentLevel,
  updateDepartment,
} from './department-store.ts'

/**
 * The rules of departments. Routes validate shapes with JSON Schema; the service checks them again
 * (it is also called from seeds, imports and tests) and adds the rules a schema cannot express:
 * known division, credit-code checksum and uniqueness, and the parent hierarchy.
 */

export interface ListDepartmentsQuery {
  level?: DepartmentLevel
  kind?: DepartmentKind
  divisionCode?: string
  parent?: string
  q?: string
  limit: number
  cursor?: string
}

export interface CreateOptions {
  /** The caller's subject: idempotency keys are private to it. */
  subject: string
  idempotencyKey?: string
}

export interface CreateResult {
  department: Department
  /** True when an earlier answer for the same Idempotency-Key was replayed; nothing was written. */
  replayed: boolean
}

export class DepartmentService {
  constructor(private readonly db: Knex) {}

  async get(code: string): Promise<Department> {
    const department = await findDepartment(this.db, code)
    if (!department) throw notFound(code)
    return department
  }

  async list(query: ListDepartmentsQuery): Promise<DepartmentList> {
    const items = await listDepartments(this.db, {
      level: query.level,
      kind: query.kind,
      divisionCode: query.divisionCode,
      parent: query.parent,
      nameContains: query.q,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit,
    })
    const page = items.slice(0, query.limit)
    const last = page.at(-1)
    return { items: page, nextCursor: items.length > query.limit && last ? encodeCursor(last.code) : null }
  }

  async create(input: DepartmentCreate, options: CreateOptions): Promise<CreateResult> {
    const { value, replayed } = await this.db.transaction((trx) =>
      idempotently(
        trx,
        { subject: options.subject, key: options.idempotencyKey, operation: 'createDepartment', body: input },
        201,
        () => this.insert(trx, input),
      ),
    )
    return { department: value, replayed }
  }

  async update(code: string, changes: DepartmentUpdate): Promise<Department> {
    return this.db.transaction(async (trx) => {
      const level = await lockDepartmentLevel(trx, code)
      if (!level) throw notFound(code)
      const violations: Violation[] = []
      const set: DepartmentChanges = {}
      if (changes.name !== undefined) {
        set.name = changes.name.trim()
        violations.push(...checkName(set.name))
      }
      if (changes.shortName !== undefined) {
        set.shortName = changes.shortName === null ? null : changes.shortName.trim()
        violations.push(...checkShortName(set.shortName))
      }
      if (changes.creditCode !== undefined) {
        set.creditCode = normalizeCreditCode(changes.creditCode, violations)
      }
      if (changes.parent !== undefined) {
        set.parent = changes.parent
        if (changes.parent !== null) violations.push(...(await checkParent(trx, changes.parent, level, code)))
      }
      throwIfInvalid(violations)
      if (set.creditCode) await ensureCreditCodeFree(trx, set.creditCode, code)
      const updated = await translateUniqueViolation(code, () => updateDepartment(trx, code, set))
      if (!updated) throw notFound(code)
      // The provider name is denormalised into each resource's search text.
      if (set.name !== undefined) await refreshProviderSearchTexts(trx, code, updated.name)
      await appendDepartmentEvent(trx, 'department.updated', updated)
      return updated
    })
  }

  private async insert(trx: Knex.Transaction, input: DepartmentCreate): Promise<Department> {
    const violations: Violation[] = []
    const name = typeof input.name === 'string' ? input.name.trim() : ''
    if (!DEPARTMENT_CODE.test(input.code)) {
      violations.push(violation('invalid-department-code', 'code', `must match ${DEPARTMENT_CODE.source}`))
    }
    violations.push(...checkName(name))
    const shortName = typeof input.shortName === 'string' ? input.shortName.trim() : null
    violations.push(...checkShortName(shortName))
    const kind = input.kind ?? 'government'
    if (!(input.level in LEVEL_RANK)) {
      violations.push(
        violation('invalid-level', 'level', `must be one of ${Object.keys(LEVEL_RANK).join(', ')}`),
      )
    }
    if (!KINDS.includes(kind))
      violations.push(violation('invalid-kind', 'kind', `must be one of ${KINDS.join(', ')}`))
    if (!isKnownDivision(input.divisionCode)) {
      violations.push(
        violation(
          'unknown-division',
          'divisionCode',
          `${input.divisionCode} is not a known GB/T 2260 division code`,
        ),
      )
    }
    const creditCode = normalizeCreditCode(input.creditCode ?? null, violations)
    const parent = input.parent ?? null
    if (parent !== null && input.level in LEVEL_RANK) {
      violations.push(...(await checkParent(trx, parent, input.level, null)))
    }
    throwIfInvalid(violations)

    if (await findDepartment(trx, input.code)) throw exists(input.code)
    if (creditCode) await ensureCreditCodeFree(trx, creditCode, input.code)
    const department = await translateUniqueViolation(input.code, () =>
      insertDepartment(trx, {
        code: input.code,
        name,
        shortName,
        level: input.level,
        kind,
        divisionCode: input.divisionCode,
        creditCode,
        parent,
      }),
    )
    await appendDepartmentEvent(trx, 'department.created', department)
    return department
  }
}

async function checkParent(
  trx: Knex.Transaction,
  parentCode: string,
  level: DepartmentLevel,
  /** The department being changed; null for a new one, which cannot have descendants yet. */
  selfCode: string | null,
): Promise<Violation[]> {
  const parent = await findDepartment(trx, parentCode)
  if (!parent) return [violation('parent-not-found', 'parent', `no department has code ${parentCode}`)]
  if (selfCode !== null && (await ancestorCodes(trx, parentCode)).includes(selfCode)) {
    return [violation('parent-cycle', 'parent', `${parentCode} is ${selfCode} itself or below it`)]
  }
  if (!isHigherLevel(parent.level, level)) {
    return [violation('parent-level-not-higher', 'parent', `a ${parent.level} cannot supervise a ${level}`)]
  }
  return []
}

async function ensureCreditCodeFree(
  trx: Knex.Transaction,
  creditCode: string,
  selfCode: string,
): Promise<void> {
  const holder = await findCodeByCreditCode(trx, creditCode)
  if (holder !== undefined && holder !== selfCode) throw creditCodeTaken()
}

/** The pre-checks above can lose a race with a concurrent writer; the constraints still hold. */
async function translateUniqueViolation<T>(code: string, write: () => Promise<T>): Promise<T> {
  return mapUniqueViolation(write, (constraint) => {
    if (constraint === 'departments_pkey') return exists(code)
    if (constraint.includes('credit_code')) return creditCodeTaken()
    return undefined
  })
}

async function appendDepartmentEvent(
  trx: Knex.Transaction,
  type: string,
  department: Department,
): Promise<void> {
  await appendEvents(trx, [{ topic: DIRECTORY_TOPIC, key: department.code, type, payload: department }])
}

function notFound(code: string): NotFoundError {
  return new NotFoundError('department-not-found', `No department has code ${code}`)
}

function exists(code: string): ConflictError {
  return new ConflictError('department-exists', `A department with code ${code} already exists`)
}

function creditCodeTaken(): ConflictError {
  return new ConflictError('credit-code-taken', 'Another department already holds this credit code')
}
