import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeResidentIdCheck, maskResidentId, validateResidentId } from './resident-id.ts'

// Fixed "now" so future-date cases do not drift: 2024-06-15 12:00 Beijing time.
const NOW = new Date('2024-06-15T04:00:00Z')
const GB_SAMPLE = '11010519491231002X'

/** A complete id from its first 17 digits, so each test can aim at exactly one rule. */
function withCheck(first17: string): string {
  return first17 + computeResidentIdCheck(first17)
}

describe('validateResidentId', () => {
  it('accepts the GB 11643 sample and decodes its fields', () => {
    expect(validateResidentId(GB_SAMPLE, { now: NOW })).toEqual({
      ok: true,
      normalized: GB_SAMPLE,
      birthDate: '1949-12-31',
      divisionCode: '110105',
      sex: 'female',
    })
    expect(computeResidentIdCheck('11010519491231002')).toBe('X')
  })

  it('accepts a lower-case x and normalizes it', () => {
    const result = validateResidentId('11010519491231002x', { now: NOW })
    expect(result).toMatchObject({ ok: true, normalized: GB_SAMPLE })
  })

  it('trims surrounding blanks', () => {
    expect(validateResidentId(`  ${GB_SAMPLE}\n`, { now: NOW })).toMatchObject({
      ok: true,
      normalized: GB_SAMPLE,
    })
  })

  it('reads an odd sequence as male and exposes a Linfen division prefix', () => {
    const id = withCheck('14100219900101123')
    expect(validateResidentId(id, { now: NOW })).toMatchObject({
      ok: true,
      divisionCode: '141002',
      birthDate: '1990-01-01',
      sex: 'male',
    })
  })

  it('does not require the division prefix to be a known code', () => {
    // 141083 is not a GB/T 2260 code at all; the id is still well-formed and its check matches.
    expect(validateResidentId(withCheck('14108319800101001'), { now: NOW })).toMatchObject({
      ok: true,
      divisionCode: '141083',
    })
  })

  it.each([
    ['', 'wrong-length'],
    ['11010519491231002', 'wrong-length'],
    ['11010519491231002X0', 'wrong-length'],
    ['110105491231002', 'wrong-length'], // first-generation 15-digit number
    ['1101051949123100XX', 'bad-format'],
    ['11010519491231O02X', 'bad-format'],
    ['11010519491231002Y', 'bad-format'],
    ['11010519491231002 ', 'wrong-length'],
  ])('rejects %j as %s', (value, reason) => {
    expect(validateResidentId(value, { now: NOW })).toEqual({ ok: false, reason })
  })

  it('rejects a wrong check character', () => {
    expect(validateResidentId('110105194912310021', { now: NOW })).toEqual({
      ok: false,
      reason: 'check-mismatch',
    })
  })

  describe('birth date', () => {
    it.each([
      ['20230229', 'invalid-birth-date'], // 2023 is not a leap year
      ['19000229', 'invalid-birth-date'], // century years are leap only when divisible by 400
      ['19900230', 'invalid-birth-date'],
      ['19900431', 'invalid-birth-date'],
      ['19901301', 'invalid-birth-date'],
      ['19900001', 'invalid-birth-date'],
      ['19900100', 'invalid-birth-date'],
      ['18991231', 'birth-date-before-1900'],
      ['20240616', 'birth-date-in-future'],
      ['20991231', 'birth-date-in-future'],
    ])('rejects %s as %s even with a matching check character', (date, reason) => {
      expect(validateResidentId(withCheck(`141002${date}001`), { now: NOW })).toEqual({ ok: false, reason })
    })

    it.each(['20000229', '20240229', '19000101', '20240615'])('accepts %s', (date) => {
      expect(validateResidentId(withCheck(`141002${date}001`), { now: NOW }).ok).toBe(true)
    })

    it('uses the Beijing calendar date for "today"', () => {
      // 17:00 UTC on 1 March is already 01:00 on 2 March in Beijing.
      const now = new Date('2024-03-01T17:00:00Z')
      expect(validateResidentId(withCheck('14100220240302002'), { now }).ok).toBe(true)
      expect(validateResidentId(withCheck('14100220240303002'), { now })).toEqual({
        ok: false,
        reason: 'birth-date-in-future',
      })
    })
  })

  it('rejects every single-character change of a valid id', () => {
    const replacements = [...'0123456789XAx -']
    for (const valid of [GB_SAMPLE, withCheck('14100219900101123'), withCheck('14102420000229456')]) {
      expect(validateResidentId(valid, { now: NOW }).ok).toBe(true)
      for (let i = 0; i < valid.length; i++) {
        for (const ch of replacements) {
          const mutated = valid.slice(0, i) + ch + valid.slice(i + 1)
          // x → X is the same id, not a change.
          if (mutated.toUpperCase() === valid) continue
          expect(validateResidentId(mutated, { now: NOW }).ok, `${mutated} (position ${i + 1})`).toBe(false)
        }
      }
    }
  })

  it('accepts any well-formed id with a computed check character (property)', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
    const birth = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2024-06-14T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''))
    fc.assert(
      fc.property(digits(6), birth, digits(3), (division, date, seq) => {
        const id = withCheck(division + date + seq)
        const result = validateResidentId(id, { now: NOW })
        expect(result).toMatchObject({
          ok: true,
          divisionCode: division,
          sex: Number(seq[2]) % 2 ? 'male' : 'female',
        })
      }),
    )
  })
})

describe('computeResidentIdCheck', () => {
  it.each(['', '1101051949123100', '1101051949123100X', '110105194912310021'])('refuses %j', (value) => {
    expect(() => computeResidentIdCheck(value)).toThrow(RangeError)
  })
})

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskResidentId(GB_SAMPLE)).toBe('110105********002X')
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X')
  })

  it('hides the whole birth date of a first-generation 15-digit number too', () => {
    expect(maskResidentId('110105491231002')).toBe('110105******002')
  })

  it('masks anything of another length completely', () => {
    expect(maskResidentId('12345')).toBe('*****')
    expect(maskResidentId('1101051949123100')).toBe('****************')
    expect(maskResidentId('')).toBe('')
  })
})
