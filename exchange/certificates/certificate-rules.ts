import { randomBytes } from 'node:crypto'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { FieldProblem } from '../../platform/errors/app-error.ts'
import { InputError } from '../../platform/errors/app-error.ts'
import {
  CREDIT_CODE_SHAPE,
  validateCertificateId,
  validateCreditCode,
  validateResidentId,
} from '../../platform/identifiers/index.ts'

import { linearRegExp, userSchemaProblems } from '../../platform/schemas/user-schema.ts'

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

/** A certificate type code per GB/T 36904: defining authority's credit code + 3-digit sequence. */
export function isTypeCode(code: string): boolean {
  return code.length === 21 && CREDIT_CODE_SHAPE.test(code.slice(0, 18)) && /^\d{3}$/.test(code.slice(18))
}

/** The holder's identifier, normalized, or a problem at `path`. */
export function checkHolderId(
  idType: 'resident-id' | 'credit-code',
  idNumber: string,
  path: string,
  problems: FieldProblem[],
): string {
  const result = idType === 'resident-id' ? validateResidentId(idNumber) : validateCreditCode(idNumber)
  if (result.ok) return result.normalized
  problems.push({ path, message: `not a valid ${idType} (${result.reason})` })
  return idNumber
}

/** The canonical (upper-case) identifier, or a 400 naming why the identifier is wrong. */
export function parseCertificateId(value: string, path = '/certificateId'): string {
  const result = validateCertificateId(value)
  if (result.ok) return result.normalized
  throw new InputError('certificate-id-invalid', `Not a valid certificate identifier (${result.reason})`, {
    errors: [{ path, message: result.reason }],
  })
}

/** Serial numbers the hub assigns: issue year + 12 random hex digits, unique without a counter. */
export function newSerial(issuedOn: string): string {
  return `${issuedOn.slice(0, 4)}${randomBytes(6).toString('hex').toUpperCase()}`
}

/**
 * Face-data validators, one compiled JSON Schema per certificate type. Face schemas are data
 * supplied by departments, so they are compiled strictly enough to catch mistakes at
 * registration rather than at the first certificate.
 */
export class FaceDataValidator {
  // Patterns of department-supplied schemas run on RE2 (linear time): see platform/schemas/user-schema.ts.
  private readonly ajv = addFormats(
    new Ajv({ allErrors: true, strict: false, code: { regExp: linearRegExp } }),
  )
  private readonly compiled = new Map<string, ValidateFunction>()

  /** Problems of a schema a department proposes; empty when it compiles. */
  schemaProblems(schema: Record<string, unknown>): FieldProblem[] {
    if (schema.type !== undefined && schema.type !== 'object')
      return [{ path: '/faceSchema/type', message: 'face data is an object: type must be "object"' }]
    const unsafe = userSchemaProblems(schema, '/faceSchema')
    if (unsafe.length > 0) return unsafe
    try {
      this.ajv.compile({ ...schema, $id: undefined })
      return []
    } catch (error) {
      return [{ path: '/faceSchema', message: (error as Error).message }]
    }
  }

  problems(typeCode: string, schema: Record<string, unknown>, faceData: unknown): FieldProblem[] {
    let validate = this.compiled.get(typeCode)
    if (!validate) {
      validate = this.ajv.compile({ ...schema, $id: undefined })
      this.compiled.set(typeCode, validate)
    }
    if (validate(faceData)) return []
    return (validate.errors ?? []).map((e) => ({
      path: `/faceData${e.instancePath}`,
      message: e.message ?? 'invalid',
    }))
  }
}
