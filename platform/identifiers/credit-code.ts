/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * Layout (1-based positions):
 *   1      登记管理部门码 (registration authority, e.g. 1 机构编制, 5 民政, 9 市场监管, Y 其他)
 *   2      机构类别码 (organization type within that authority)
 *   3–8    登记管理机关行政区划码 (GB/T 2260 division of the registering office)
 *   9–17   主体标识码 = the GB 11714 organization code, itself 8 characters + 1 check character
 *   18     check character, MOD 31 over positions 1–17
 *
 * Positions 1 and 2 are exposed but not restricted to a list: GB 32100 lets authorities add codes
 * and the full, current list is not verified (standards.md §5.2 marks "others added later" [U]).
 */

/** The 31-character code alphabet: digits and upper-case letters without I, O, S, V and Z. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

// 3^(i-1) mod 31, spelled out to match the table in the standard.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
// GB 11714 weights for the 8-character body of the organization code.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const
// GB 11714 values letters by their position in the full Latin alphabet (A = 10 … Z = 35), not by
// their index in the 31-character alphabet above; mixing the two gives wrong org-code checks.
const ORG_VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

const CHAR = '[0-9A-HJ-NPQRTUWXY]'
/** Shape only (alphabet, digits in positions 3–8); other modules reuse it for embedded codes. */
export const CREDIT_CODE_SHAPE = new RegExp(`^${CHAR}{2}\\d{6}${CHAR}{10}$`)
const FIRST_17 = new RegExp(`^${CHAR}{2}\\d{6}${CHAR}{9}$`)
const ALPHABET_ONLY = new RegExp(`^${CHAR}*$`)

export type CreditCodeFailure =
  | 'wrong-length'
  | 'forbidden-character'
  | 'bad-division-code'
  | 'check-mismatch'
  | 'organization-code-check-mismatch'

export type CreditCodeWarning = 'check-mismatch' | 'organization-code-check-mismatch'

export type CreditCodeResult =
  | {
      ok: true
      normalized: string
      registrationAuthority: string
      organizationType: string
      divisionCode: string
      /** 9 characters: GB 11714 body + its check character. */
      organizationCode: string
      /** Only non-empty with `checksum: 'warn'`; see CreditCodeOptions. */
      warnings: CreditCodeWarning[]
    }
  | { ok: false; reason: CreditCodeFailure }

export interface CreditCodeOptions {
  /**
   * 'enforce' (default) rejects a code whose check characters do not match — right for anything a
   * person types. 'warn' accepts it with warnings — for codes that arrive from a registry: some
   * early pilot codes (Fujian/Xiamen, e.g. 91350100M0001TGQXM) are legally issued yet fail the
   * MOD 31 check, and refusing them would drop real organizations from the exchange.
   */
  checksum?: 'enforce' | 'warn'
}

/** The MOD 31 check character for positions 1–17. */
export function computeCreditCodeCheck(first17: string): string {
  if (!FIRST_17.test(first17)) {
    throw new RangeError('computeCreditCodeCheck expects 17 characters of the credit-code alphabet')
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!
}

/** The GB 11714 check character for the 8-character body of an organization code. */
export function computeOrganizationCodeCheck(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new RangeError('computeOrganizationCodeCheck expects 8 digits or upper-case letters')
  }
  let sum = 0
  for (let i = 0; i < 8; i++) sum += ORG_VALUES.indexOf(body8[i]!) * ORG_WEIGHTS[i]!
  const c = 11 - (sum % 11)
  if (c === 10) return 'X'
  return c === 11 ? '0' : String(c)
}

export function validateCreditCode(value: string, options: CreditCodeOptions = {}): CreditCodeResult {
  // The code is defined in upper case; lower case only comes from hand typing, so fold it.
  const normalized = value.trim().toUpperCase()
  if (normalized.length !== 18) return { ok: false, reason: 'wrong-length' }
  if (!ALPHABET_ONLY.test(normalized)) return { ok: false, reason: 'forbidden-character' }
  if (!CREDIT_CODE_SHAPE.test(normalized)) return { ok: false, reason: 'bad-division-code' }

  const mismatches: CreditCodeWarning[] = []
  if (computeCreditCodeCheck(normalized.slice(0, 17)) !== normalized[17]) mismatches.push('check-mismatch')
  if (computeOrganizationCodeCheck(normalized.slice(8, 16)) !== normalized[16]) {
    mismatches.push('organization-code-check-mismatch')
  }
  const first = mismatches[0]
  if (first && (options.checksum ?? 'enforce') === 'enforce') return { ok: false, reason: first }

  return {
    ok: true,
    normalized,
    registrationAuthority: normalized[0]!,
    organizationType: normalized[1]!,
    divisionCode: normalized.slice(2, 8),
    organizationCode: normalized.slice(8, 17),
    warnings: mismatches,
  }
}

export function isValidCreditCode(value: string): boolean {
  return validateCreditCode(value).ok
}
