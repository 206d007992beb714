/**
 * 18-character resident identity number (公民身份号码, GB 11643-1999).
 *
 * Layout: 6-digit address code (GB/T 2260, the place of first registration) + 8-digit birth date
 * YYYYMMDD + 3-digit sequence (odd = male, even = female) + 1 check character (ISO 7064 MOD 11-2).
 * The 15-digit first-generation number is not accepted here: every holder has been reissued an
 * 18-character number, and accepting both would let the same person appear under two keys.
 */

// w_i = 2^(17-i) mod 11, spelled out so a reviewer can compare it with the standard's table.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'
const SHAPE = /^\d{17}[\dX]$/
const FIRST_17 = /^\d{17}$/
const EARLIEST_BIRTH_YEAR = 1900
// China has had a single UTC+8 zone without DST since 1991; "today" must be the Beijing date,
// otherwise someone born today is rejected between 00:00 and 08:00 local time.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

export type Sex = 'male' | 'female'

export type ResidentIdFailure =
  | 'wrong-length'
  | 'bad-format'
  | 'invalid-birth-date'
  | 'birth-date-in-future'
  | 'birth-date-before-1900'
  | 'check-mismatch'

export type ResidentIdResult =
  | {
      ok: true
      /** Upper-case form (a trailing `x` becomes `X`); store and compare this one. */
      normalized: string
      /** ISO calendar date `YYYY-MM-DD`; kept as a string so no time zone can shift it. */
      birthDate: string
      /**
       * The 6-digit address code as printed. Not checked against the division table: codes that
       * were abolished in a later redistricting stay valid in the numbers issued under them.
       */
      divisionCode: string
      sex: Sex
    }
  | { ok: false; reason: ResidentIdFailure }

export interface ResidentIdOptions {
  /** The instant "now" for the future-birth-date rule; injectable so tests are stable. */
  now?: Date
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function computeResidentIdCheck(first17: string): string {
  if (!FIRST_17.test(first17)) throw new RangeError('computeResidentIdCheck expects exactly 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

export function validateResidentId(value: string, options: ResidentIdOptions = {}): ResidentIdResult {
  // Surrounding blanks are an artefact of form fields and spreadsheets, never part of the number.
  const normalized = value.trim().toUpperCase()
  if (normalized.length !== 18) return { ok: false, reason: 'wrong-length' }
  if (!SHAPE.test(normalized)) return { ok: false, reason: 'bad-format' }

  const year = Number(normalized.slice(6, 10))
  const month = Number(normalized.slice(10, 12))
  const day = Number(normalized.slice(12, 14))
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'invalid-birth-date' }
  if (year < EARLIEST_BIRTH_YEAR) return { ok: false, reason: 'birth-date-before-1900' }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`
  if (birthDate > beijingToday(options.now ?? new Date()))
    return { ok: false, reason: 'birth-date-in-future' }

  if (computeResidentIdCheck(normalized.slice(0, 17)) !== normalized[17]) {
    return { ok: false, reason: 'check-mismatch' }
  }

  return {
    ok: true,
    normalized,
    birthDate,
    divisionCode: normalized.slice(0, 6),
    sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
  }
}

export function isValidResidentId(value: string, options: ResidentIdOptions = {}): boolean {
  return validateResidentId(value, options).ok
}

/**
 * Grant masking rule "resident ID first 6 + last 4": the division stays visible for routing and
 * statistics while the birth date is hidden. Masking happens at presentation time on whatever the
 * source holds, so it does not require a valid id. A first-generation 15-digit number keeps only
 * its last 3 (the sequence), because its last 4 would include the final digit of the birth date.
 * Any other length is masked completely so the rule can never reveal most of an unknown value.
 */
export function maskResidentId(value: string): string {
  const id = value.trim().toUpperCase()
  if (id.length === 18) return `${id.slice(0, 6)}********${id.slice(14)}`
  if (id.length === 15) return `${id.slice(0, 6)}******${id.slice(12)}`
  return '*'.repeat(id.length)
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function beijingToday(now: Date): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10)
}
