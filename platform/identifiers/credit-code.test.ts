import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CREDIT_CODE_ALPHABET,
  computeCreditCodeCheck,
  computeOrganizationCodeCheck,
  validateCreditCode,
} from './credit-code.ts'

// The official GB 32100 example and government codes quoted in standards.md §3.2/§5.2.
const OFFICIAL_SAMPLE = '91350100M000100Y43'
const GOVERNMENT_CODES = [
  '11100000000013338W',
  '11220000013544541J',
  '11430000006122244L',
  '11330105002500287C',
]
// Legally issued Fujian pilot code that fails the MOD 31 check (standards.md §5.2 caveat).
const LEGACY_PILOT = '91350100M0001TGQXM'

/** A complete code from a 17-character prefix whose org-code check is also recomputed. */
function withChecks(first16: string): string {
  const first17 = first16 + computeOrganizationCodeCheck(first16.slice(8, 16))
  return first17 + computeCreditCodeCheck(first17)
}

describe('validateCreditCode', () => {
  it('accepts the official GB 32100 sample and splits it into its parts', () => {
    expect(validateCreditCode(OFFICIAL_SAMPLE)).toEqual({
      ok: true,
      normalized: OFFICIAL_SAMPLE,
      registrationAuthority: '9',
      organizationType: '1',
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
      warnings: [],
    })
    expect(computeCreditCodeCheck('91350100M000100Y4')).toBe('3')
    expect(computeOrganizationCodeCheck('M000100Y')).toBe('4')
  })

  it.each(GOVERNMENT_CODES)('accepts the government code %s', (code) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: true, warnings: [] })
  })

  it('values letters in the organization code as A = 10 … Z = 35 (GB 11714), not by code-alphabet index', () => {
    // The defining authority inside the 4th production certificate id of standards.md §3.2.
    // M is 22 in GB 11714 but 21 in the 31-character alphabet; only the former gives check 9.
    // (The official sample cannot tell the two apart: both mappings give 4 for M000100Y.)
    expect(computeOrganizationCodeCheck('MB032716')).toBe('9')
    expect(validateCreditCode('11100000MB03271699')).toMatchObject({ ok: true, warnings: [] })
  })

  it('accepts lower case and normalizes it', () => {
    expect(validateCreditCode('91350100m000100y43')).toMatchObject({ ok: true, normalized: OFFICIAL_SAMPLE })
  })

  it.each([
    ['', 'wrong-length'],
    ['91350100M000100Y4', 'wrong-length'],
    ['91350100M000100Y431', 'wrong-length'],
    ['91350100M000I00Y43', 'forbidden-character'],
    ['91350100M000O00Y43', 'forbidden-character'],
    ['91350100M000Z00Y43', 'forbidden-character'],
    ['91350100M000S00Y43', 'forbidden-character'],
    ['91350100M000V00Y43', 'forbidden-character'],
    ['9135010-M000100Y43', 'forbidden-character'],
    ['913501 0M000100Y43', 'forbidden-character'],
    ['913501A0M000100Y43', 'bad-division-code'],
    ['91350100M000100Y44', 'check-mismatch'],
  ])('rejects %j as %s', (value, reason) => {
    expect(validateCreditCode(value)).toEqual({ ok: false, reason })
  })

  it('rejects each forbidden letter in every position, upper or lower case', () => {
    for (const letter of 'IOZSVioszv') {
      for (let i = 0; i < 18; i++) {
        const mutated = OFFICIAL_SAMPLE.slice(0, i) + letter + OFFICIAL_SAMPLE.slice(i + 1)
        expect(validateCreditCode(mutated)).toEqual({ ok: false, reason: 'forbidden-character' })
      }
    }
  })

  it('rejects every single-character change of a valid code', () => {
    const replacements = [...CREDIT_CODE_ALPHABET, ...'IOZSV -.']
    for (const valid of [OFFICIAL_SAMPLE, ...GOVERNMENT_CODES]) {
      for (let i = 0; i < valid.length; i++) {
        for (const ch of replacements) {
          if (ch === valid[i]) continue
          const mutated = valid.slice(0, i) + ch + valid.slice(i + 1)
          expect(validateCreditCode(mutated).ok, `${mutated} (position ${i + 1})`).toBe(false)
        }
      }
    }
  })

  it('rejects a code whose MOD 31 check fits but whose embedded organization code does not', () => {
    // Wrong GB 11714 check character (5 instead of 4), then a MOD 31 check that fits it.
    const first17 = '91350100M000100Y5'
    const code = first17 + computeCreditCodeCheck(first17)
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'organization-code-check-mismatch' })
    expect(validateCreditCode(code, { checksum: 'warn' })).toMatchObject({
      ok: true,
      warnings: ['organization-code-check-mismatch'],
    })
  })

  describe('legacy pilot codes', () => {
    it('rejects them by default, as for user input', () => {
      expect(validateCreditCode(LEGACY_PILOT)).toEqual({ ok: false, reason: 'check-mismatch' })
    })

    it('accepts them with a warning for registry data', () => {
      expect(validateCreditCode(LEGACY_PILOT, { checksum: 'warn' })).toEqual({
        ok: true,
        normalized: LEGACY_PILOT,
        registrationAuthority: '9',
        organizationType: '1',
        divisionCode: '350100',
        organizationCode: 'M0001TGQX',
        warnings: ['check-mismatch'],
      })
    })

    it('still rejects structural errors in warn mode', () => {
      expect(validateCreditCode('91350100M0001TGQXI', { checksum: 'warn' })).toEqual({
        ok: false,
        reason: 'forbidden-character',
      })
      expect(validateCreditCode('913501A0M0001TGQXM', { checksum: 'warn' })).toEqual({
        ok: false,
        reason: 'bad-division-code',
      })
    })
  })

  it('accepts any well-formed code with computed check characters (property)', () => {
    const chars = (n: number) =>
      fc.string({ unit: fc.constantFrom(...CREDIT_CODE_ALPHABET), minLength: n, maxLength: n })
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 })
    fc.assert(
      fc.property(chars(2), digits, chars(8), (head, division, orgBody) => {
        const code = withChecks(head + division + orgBody)
        expect(validateCreditCode(code)).toMatchObject({ ok: true, divisionCode: division, warnings: [] })
      }),
    )
  })

  it('uses 0 when 31 - (S mod 31) is 31', () => {
    // Weights straight from the standard's table, independent of the implementation's copy.
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    const weightedSum = (s: string) =>
      [...s].reduce((sum, ch, i) => sum + CREDIT_CODE_ALPHABET.indexOf(ch) * weights[i]!, 0)
    const prefixes = [...CREDIT_CODE_ALPHABET].flatMap((a) =>
      [...CREDIT_CODE_ALPHABET].map((b) => {
        const first16 = `91141002MA0000${a}${b}`
        return first16 + computeOrganizationCodeCheck(first16.slice(8))
      }),
    )
    const first17 = prefixes.find((p) => weightedSum(p) % 31 === 0)
    expect(first17).toBeDefined()
    expect(computeCreditCodeCheck(first17!)).toBe('0')
    expect(validateCreditCode(`${first17}0`)).toMatchObject({ ok: true })
  })
})

describe('computeCreditCodeCheck', () => {
  it.each(['', '91350100M000100Y', '91350100M000I00Y4', '913501A0M000100Y4'])('refuses %j', (value) => {
    expect(() => computeCreditCodeCheck(value)).toThrow(RangeError)
  })
})
