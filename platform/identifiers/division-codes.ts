import table from './division-codes.json' with { type: 'json' }

/**
 * GB/T 2260 administrative divisions known to the hub (see division-codes.json for what is
 * covered and where it comes from). "Known" means present in this table, nothing more: a resident
 * ID or credit code may legitimately carry a code abolished since, so validators expose the code
 * and leave the lookup to the caller.
 */

export type DivisionLevel = 'province' | 'city' | 'county'

export interface Division {
  code: string
  name: string
  level: DivisionLevel
  /** The enclosing division's code; null for a province. */
  parent: string | null
}

const SIX_DIGITS = /^\d{6}$/
// Statistical (统计用区划) codes append 6 zeros below county level; accepting them saves every
// caller from trimming, while any other 12-digit code (a township or village) stays unknown.
const TWELVE_DIGIT_COUNTY = /^(\d{6})000000$/

const byCode = new Map<string, Division>(
  table.divisions.map(({ code, name }) => [
    code,
    { code, name, level: levelOf(code), parent: parentOf(code) },
  ]),
)

export function lookupDivision(code: string): Division | undefined {
  const key = canonicalCode(code)
  return key === undefined ? undefined : byCode.get(key)
}

export function isKnownDivision(code: string): boolean {
  return lookupDivision(code) !== undefined
}

/** Direct children in table order, e.g. the 17 county-level units of 141000 临汾市. */
export function childDivisions(parentCode: string): Division[] {
  const parent = canonicalCode(parentCode)
  return [...byCode.values()].filter((d) => d.parent === parent)
}

function canonicalCode(code: string): string | undefined {
  const trimmed = code.trim()
  if (SIX_DIGITS.test(trimmed)) return trimmed
  return TWELVE_DIGIT_COUNTY.exec(trimmed)?.[1]
}

// The level is encoded in the code itself: PP0000 province, PPCC00 prefecture-level city, else county.
// True for everything in Shanxi; province-administered county-level units elsewhere (e.g. Hubei
// 4290xx) break the parent rule and would need an explicit parent if the table grows to cover them.
function levelOf(code: string): DivisionLevel {
  if (code.endsWith('0000')) return 'province'
  return code.endsWith('00') ? 'city' : 'county'
}

function parentOf(code: string): string | null {
  const level = levelOf(code)
  if (level === 'province') return null
  return level === 'city' ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`
}
