import type { Knex } from 'knex'
import type { HubConfig } from '../../platform/config/config.ts'
import type { FieldProblem } from '../../platform/errors/app-error.ts'
import { InputError } from '../../platform/errors/app-error.ts'
import { isKnownDivision, validateCreditCode } from '../../platform/identifiers/index.ts'
import type { ServiceItemDraft, ServiceItemMaterial } from '../../schemas/generated/types.ts'
import { type DepartmentFacts, departmentFacts, knownReplacements } from './service-item-read-model.ts'
import type { ServiceItemRecord } from './service-item-store.ts'

/**
 * The checks every catalog change passes before anything is written. GB/T 39554.1's code structure
 * is not verified nationally, so the codes are checked against configured patterns; what is certain
 * — the implementing body's credit code (GB 32100) and the division (GB/T 2260) — is validated.
 */

/** A material as a create, an update, an import row or a province sync gives it. */
export interface MaterialInput {
  materialCode: string
  name: string
  required: boolean
  paperCopies?: number
  certificateTypes?: readonly string[]
  resourceCodes?: readonly string[]
}

/** The fields of an item a create, an update, an import row or a province sync sets. */
export type ItemFields = Omit<ServiceItemDraft, 'code' | 'materials'> & {
  materials?: readonly MaterialInput[]
}

/** A new item: its code and fields. */
export type ItemInput = ItemFields & { code: string }

export interface CodePatterns {
  code: RegExp
  implementation: RegExp
}

export function compilePatterns(config: HubConfig['serviceItems']): CodePatterns {
  return {
    code: new RegExp(config.codePattern, 'u'),
    implementation: new RegExp(config.implementationCodePattern, 'u'),
  }
}

/** A problem with the stable error code it stands for. */
export interface CodedProblem extends FieldProblem {
  code: string
}

/** Shape problems of the fields alone (no database). `at` prefixes the paths, e.g. `/body`. */
export function fieldProblems(
  input: ItemFields & { code?: string },
  patterns: CodePatterns,
  at: string,
): CodedProblem[] {
  const problems: CodedProblem[] = []
  const add = (path: string, message: string, code = 'invalid-service-item') =>
    problems.push({ path: `${at}${path}`, message, code })
  if (input.code !== undefined && !patterns.code.test(input.code))
    add('/code', `does not match the basic code pattern ${patterns.code.source}`, 'invalid-service-item-code')
  if (input.implementationCode != null && !patterns.implementation.test(input.implementationCode))
    add(
      '/implementationCode',
      `does not match the implementation code pattern ${patterns.implementation.source}`,
      'invalid-service-item-code',
    )
  if (input.implementingCreditCode != null) {
    const checked = validateCreditCode(input.implementingCreditCode)
    if (!checked.ok)
      add('/implementingCreditCode', `is not a valid unified social credit code (${checked.reason})`)
  }
  if (input.divisionCode != null && !isKnownDivision(input.divisionCode))
    add('/divisionCode', 'is not a GB/T 2260 division code')
  if (input.name.trim() === '') add('/name', 'must not be blank')
  const seen = new Map<string, number>()
  for (const [i, m] of (input.materials ?? []).entries()) {
    const first = seen.get(m.materialCode)
    if (first !== undefined)
      add(`/materials/${i}/materialCode`, `repeats material ${first}`, 'duplicate-material-code')
    else seen.set(m.materialCode, i)
  }
  return problems
}

/** One change's references to check against the database. */
export interface ReferenceCheck {
  at: string
  /** Where material `i` is in the request (default `<at>/materials/<i>`). */
  materialsAt?: (i: number) => string
  department: string
  materials: readonly Pick<MaterialInput, 'certificateTypes' | 'resourceCodes'>[]
}

/**
 * Problems of the references many changes make (handling department, certificate types, resources),
 * read in one go; also the departments, for the defaults of the implementing body.
 */
export async function referenceProblems(
  db: Knex | Knex.Transaction,
  checks: readonly ReferenceCheck[],
): Promise<{ problems: CodedProblem[]; departments: Map<string, DepartmentFacts> }> {
  const types = checks.flatMap((c) => c.materials.flatMap((m) => (m.certificateTypes ?? []).map(upper)))
  const resources = checks.flatMap((c) => c.materials.flatMap((m) => m.resourceCodes ?? []))
  // One after the other: on a transaction, queries share one connection.
  const departments = await departmentFacts(
    db,
    checks.map((c) => c.department),
  )
  const known = await knownReplacements(db, types, resources)
  const problems: CodedProblem[] = []
  for (const c of checks) {
    if (!departments.has(c.department))
      problems.push({
        path: `${c.at}/department`,
        message: 'is not a known department',
        code: 'unknown-department',
      })
    for (const [i, m] of c.materials.entries()) {
      const at = c.materialsAt ? c.materialsAt(i) : `${c.at}/materials/${i}`
      for (const [j, t] of (m.certificateTypes ?? []).entries()) {
        if (!known.certificateTypes.has(upper(t)))
          problems.push({
            path: `${at}/certificateTypes/${j}`,
            message: `unknown certificate type "${t}"`,
            code: 'unknown-certificate-type',
          })
      }
      for (const [j, r] of (m.resourceCodes ?? []).entries()) {
        if (!known.resourceCodes.has(r))
          problems.push({
            path: `${at}/resourceCodes/${j}`,
            message: `unknown directory resource "${r}"`,
            code: 'unknown-resource',
          })
      }
    }
  }
  return { problems, departments }
}

/** Throws the problems as one 400 whose code is the first problem's. */
export function throwIfAny(problems: readonly CodedProblem[], detail: string): void {
  if (problems.length === 0) return
  throw new InputError(problems[0]!.code, `${detail}; nothing was written`, {
    errors: problems.map(({ path, message }) => ({ path, message })),
  })
}

const upper = (s: string) => s.toUpperCase()

export function toMaterials(code: string, drafts: readonly MaterialInput[]): ServiceItemMaterial[] {
  return [...drafts]
    .sort((a, b) => (a.materialCode < b.materialCode ? -1 : a.materialCode > b.materialCode ? 1 : 0))
    .map((m) => ({
      serviceItemCode: code,
      materialCode: m.materialCode,
      name: m.name.trim(),
      required: m.required,
      paperCopies: m.paperCopies ?? 1,
      certificateTypes: (m.certificateTypes ?? []).map(upper),
      resourceCodes: [...(m.resourceCodes ?? [])],
    }))
}

/** The stored fields of an item's next state; the implementing body defaults to the handling department. */
export function recordOf(
  code: string,
  input: ItemFields,
  department: DepartmentFacts,
  base: Pick<ServiceItemRecord, 'version' | 'status' | 'statusReason' | 'origin'>,
): Omit<ServiceItemRecord, 'updatedAt'> {
  return {
    code,
    implementationCode: input.implementationCode ?? null,
    name: input.name.trim(),
    type: input.type,
    department: department.code,
    implementingCreditCode: input.implementingCreditCode ?? department.creditCode,
    divisionCode: input.divisionCode ?? department.divisionCode,
    legalBasis: input.legalBasis.trim(),
    promisedWorkingDays: input.promisedWorkingDays,
    oneVisit: input.oneVisit,
    ...base,
  }
}

/** Code, names and department in lower case: what the keyword search matches. */
export function searchTextOf(
  record: Pick<ServiceItemRecord, 'code' | 'implementationCode' | 'name'>,
  departmentName: string | null,
  materials: readonly Pick<ServiceItemMaterial, 'name'>[],
): string {
  return [
    record.code,
    record.implementationCode ?? '',
    record.name,
    departmentName ?? '',
    ...materials.map((m) => m.name),
  ]
    .join(' ')
    .toLowerCase()
}
