import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeCertificateCheck, formatCertificateId, validateCertificateId } from './certificate-id.ts'

// The four production identifiers standards.md §3.2 checked the algorithm against [V]. The notes
// abbreviate the type codes ("…W032"); the full values are those in the public code the
// identifiers were taken from (住建部 11100000000013338W…, 不动产登记证明 11100000MB03271699022).
const REAL_IDS = [
  '1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F',
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
  '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
  '1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9',
]

// Identifiers generated here, one per issuer form: a Linfen city issuer by division code with a
// year+sequence serial, and a credit-code issuer with a 32-hex serial.
const LINFEN_PARTS = {
  typeCode: '11100000000013338W032',
  issuer: '141000',
  serial: '2018LF000001',
  version: '001',
}
const HEX_PARTS = {
  typeCode: '11100000MB03271699001',
  issuer: '91350100M000100Y43',
  serial: '209FA4E88F9E4C878F3E9BED2CE7EA49',
  version: '002',
}

describe('validateCertificateId', () => {
  it.each(REAL_IDS)('accepts the production identifier %s', (id) => {
    expect(validateCertificateId(id)).toMatchObject({ ok: true, normalized: id })
  })

  it('splits an identifier into its parts', () => {
    expect(validateCertificateId(REAL_IDS[0]!)).toEqual({
      ok: true,
      normalized: REAL_IDS[0],
      typeCode: '11100000000013338W032',
      definingAuthority: '11100000000013338W',
      typeSequence: '032',
      issuer: '11220000013544541J',
      issuerKind: 'credit-code',
      serial: '2430599',
      version: '001',
      check: 'F',
    })
    expect(validateCertificateId(REAL_IDS[3]!)).toMatchObject({
      issuer: '340100',
      issuerKind: 'division-code',
    })
  })

  it('accepts lower case and normalizes it', () => {
    const id = formatCertificateId(HEX_PARTS)
    expect(validateCertificateId(id.toLowerCase())).toMatchObject({ ok: true, normalized: id })
  })

  it.each([
    ['', 'bad-root'],
    ['1.2.156.3005.1.11100000000013338W032.11220000013544541J.2430599.001.F', 'bad-root'],
    ['11100000000013338W032.11220000013544541J.2430599.001.F', 'bad-root'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001', 'wrong-segment-count'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F.1', 'wrong-segment-count'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J..001.F', 'bad-serial'],
    ['1.2.156.3005.2.11100000000013338W32.11220000013544541J.2430599.001.F', 'bad-type-code'],
    ['1.2.156.3005.2.11100000000013338WA32.11220000013544541J.2430599.001.F', 'bad-type-code'],
    ['1.2.156.3005.2.11100000000013338W032.1122000001354454.2430599.001.F', 'bad-issuer'],
    ['1.2.156.3005.2.11100000000013338W032.14100.2430599.001.F', 'bad-issuer'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.243_599.001.F', 'bad-serial'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.01.F', 'bad-version'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.*', 'bad-check-character'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.FF', 'bad-check-character'],
    ['1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G', 'check-mismatch'],
    // A documentation example that standards.md reports as not validating; local type codes of
    // this shape are not GB/T 36904 identifiers.
    ['1.2.156.3005.2.062301.1101101102.0624_001.001.U', 'bad-type-code'],
  ])('rejects %j as %s', (value, reason) => {
    expect(validateCertificateId(value)).toEqual({ ok: false, reason })
  })

  it('rejects an identifier whose dot moved between serial and version', () => {
    expect(
      validateCertificateId('1.2.156.3005.2.11100000000013338W032.11220000013544541J.243059.9001.F').ok,
    ).toBe(false)
  })

  it('rejects every single-character change of a valid identifier', () => {
    const replacements = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.*-_ ']
    const ids = [...REAL_IDS, formatCertificateId(LINFEN_PARTS), formatCertificateId(HEX_PARTS)]
    for (const valid of ids) {
      for (let i = 0; i < valid.length; i++) {
        for (const ch of replacements) {
          if (ch === valid[i]) continue
          const mutated = valid.slice(0, i) + ch + valid.slice(i + 1)
          expect(validateCertificateId(mutated).ok, `${mutated} (position ${i + 1})`).toBe(false)
        }
      }
    }
  })
})

describe('formatCertificateId / computeCertificateCheck', () => {
  it('reproduces the check characters of the production identifiers', () => {
    for (const id of REAL_IDS) {
      const [typeCode, issuer, serial, version, check] = id.split('.').slice(5) as [
        string,
        string,
        string,
        string,
        string,
      ]
      expect(computeCertificateCheck({ typeCode, issuer, serial, version })).toBe(check)
      expect(formatCertificateId({ typeCode, issuer, serial, version })).toBe(id)
    }
  })

  it('generates identifiers that validate and parse back to their parts', () => {
    for (const parts of [LINFEN_PARTS, HEX_PARTS]) {
      const id = formatCertificateId(parts)
      expect(id.startsWith('1.2.156.3005.2.')).toBe(true)
      expect(validateCertificateId(id)).toMatchObject({ ok: true, ...parts })
    }
  })

  it('normalizes the case of the parts it is given', () => {
    expect(formatCertificateId({ ...HEX_PARTS, serial: HEX_PARTS.serial.toLowerCase() })).toBe(
      formatCertificateId(HEX_PARTS),
    )
  })

  it.each([
    [{ ...LINFEN_PARTS, typeCode: '062301' }],
    [{ ...LINFEN_PARTS, issuer: '1410' }],
    [{ ...LINFEN_PARTS, serial: '' }],
    [{ ...LINFEN_PARTS, serial: '2018.1' }],
    [{ ...LINFEN_PARTS, version: '1' }],
  ])('refuses malformed parts %j', (parts) => {
    expect(() => computeCertificateCheck(parts)).toThrow(RangeError)
    expect(() => formatCertificateId(parts)).toThrow(RangeError)
  })

  it('always yields a check character from 0-9A-Z that validates (property)', () => {
    const serial = fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
      minLength: 1,
    })
    const version = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'))
    fc.assert(
      fc.property(serial, version, (s, v) => {
        const parts = { ...LINFEN_PARTS, serial: s, version: v }
        expect(computeCertificateCheck(parts)).toMatch(/^[0-9A-Z]$/)
        expect(validateCertificateId(formatCertificateId(parts)).ok).toBe(true)
      }),
    )
  })
})
