import { CREDIT_CODE_SHAPE } from './credit-code.ts'

/**
 * Electronic certificate identifier (电子证照标识, GB/T 36904-2018):
 *
 *   1.2.156.3005.2.<证照类型代码>.<证照颁发机构代码>.<流水号>.<版本号>.<校验位>
 *
 * The check character is ISO/IEC 7064 MOD 37,36 (hybrid system) over typeCode + issuer + serial +
 * version concatenated without dots. A hybrid system's check character comes from the same
 * 36-character alphabet as the data (0-9, A-Z), so unlike the pure MOD 37-2 system there is no
 * `*`. The algorithm was confirmed on four identifiers from production systems (standards.md §3.2).
 *
 * Because the dots are not covered by the check, the segment shapes are enforced instead, which
 * also rejects a dot moved between segments:
 *   - type code: the defining authority's 18-character credit code + a 3-digit sequence;
 *   - issuer: the issuing body's 18-character credit code, or a 6-digit division code, the two
 *     forms seen in practice;
 *   - serial: one or more of 0-9 A-Z (its format is left to each issuer);
 *   - version: 3 digits.
 * The credit codes embedded in type and issuer are checked for shape only, not for their own
 * check character: the certificate's check character already covers transcription errors, and a
 * legacy pilot credit code (see credit-code.ts) must not make a genuine certificate unreadable.
 */

export const CERTIFICATE_ROOT = '1.2.156.3005.2'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const TYPE_SEQUENCE = /^\d{3}$/
const DIVISION_ISSUER = /^\d{6}$/
const SERIAL = /^[0-9A-Z]+$/
const VERSION = /^\d{3}$/
const CHECK = /^[0-9A-Z]$/

export interface CertificateIdParts {
  typeCode: string
  issuer: string
  serial: string
  version: string
}

export type CertificateIssuerKind = 'credit-code' | 'division-code'

export interface ParsedCertificateId extends CertificateIdParts {
  check: string
  /** First 18 characters of the type code: the credit code of the authority defining the type. */
  definingAuthority: string
  /** Last 3 digits of the type code: the type's number under that authority. */
  typeSequence: string
  issuerKind: CertificateIssuerKind
}

export type CertificateIdFailure =
  | 'bad-root'
  | 'wrong-segment-count'
  | 'bad-type-code'
  | 'bad-issuer'
  | 'bad-serial'
  | 'bad-version'
  | 'bad-check-character'
  | 'check-mismatch'

export type CertificateIdResult =
  | ({ ok: true; normalized: string } & ParsedCertificateId)
  | { ok: false; reason: CertificateIdFailure }

/** ISO/IEC 7064 MOD 37,36 check character of the dot-free payload of a certificate id. */
export function computeCertificateCheck(parts: CertificateIdParts): string {
  const normalized = normalizeParts(parts)
  const failure = partsFailure(normalized)
  if (failure) throw new RangeError(`computeCertificateCheck: ${failure}`)
  return mod37Hybrid36(normalized.typeCode + normalized.issuer + normalized.serial + normalized.version)
}

/** Renders a complete identifier, computing the check character. */
export function formatCertificateId(parts: CertificateIdParts): string {
  const normalized = normalizeParts(parts)
  const check = computeCertificateCheck(normalized)
  return [
    CERTIFICATE_ROOT,
    normalized.typeCode,
    normalized.issuer,
    normalized.serial,
    normalized.version,
    check,
  ].join('.')
}

export function validateCertificateId(value: string): CertificateIdResult {
  // The reference algorithm folds case before computing, so lower-case hex serials are accepted
  // and the upper-case form is the canonical one to store and compare.
  const normalized = value.trim().toUpperCase()
  if (!normalized.startsWith(`${CERTIFICATE_ROOT}.`)) return { ok: false, reason: 'bad-root' }
  const segments = normalized.slice(CERTIFICATE_ROOT.length + 1).split('.')
  if (segments.length !== 5) return { ok: false, reason: 'wrong-segment-count' }
  const [typeCode, issuer, serial, version, check] = segments as [string, string, string, string, string]

  const parts = { typeCode, issuer, serial, version }
  const failure = partsFailure(parts)
  if (failure) return { ok: false, reason: failure }
  if (!CHECK.test(check)) return { ok: false, reason: 'bad-check-character' }
  if (mod37Hybrid36(typeCode + issuer + serial + version) !== check)
    return { ok: false, reason: 'check-mismatch' }

  return {
    ok: true,
    normalized,
    ...parts,
    check,
    definingAuthority: typeCode.slice(0, 18),
    typeSequence: typeCode.slice(18),
    issuerKind: DIVISION_ISSUER.test(issuer) ? 'division-code' : 'credit-code',
  }
}

export function isValidCertificateId(value: string): boolean {
  return validateCertificateId(value).ok
}

function normalizeParts(parts: CertificateIdParts): CertificateIdParts {
  return {
    typeCode: parts.typeCode.trim().toUpperCase(),
    issuer: parts.issuer.trim().toUpperCase(),
    serial: parts.serial.trim().toUpperCase(),
    version: parts.version.trim(),
  }
}

function partsFailure(parts: CertificateIdParts): CertificateIdFailure | undefined {
  const { typeCode, issuer, serial, version } = parts
  if (
    typeCode.length !== 21 ||
    !CREDIT_CODE_SHAPE.test(typeCode.slice(0, 18)) ||
    !TYPE_SEQUENCE.test(typeCode.slice(18))
  ) {
    return 'bad-type-code'
  }
  if (!DIVISION_ISSUER.test(issuer) && !CREDIT_CODE_SHAPE.test(issuer)) return 'bad-issuer'
  if (!SERIAL.test(serial)) return 'bad-serial'
  if (!VERSION.test(version)) return 'bad-version'
  return undefined
}

// ISO/IEC 7064 hybrid system with M = 36: P starts at M; for each character P = ((P + a) mod M,
// with 0 read as M) * 2 mod (M + 1); the check character a is the one for which (P + a) mod M = 1.
function mod37Hybrid36(payload: string): string {
  let p = 36
  for (const ch of payload) {
    p = (p + ALPHABET.indexOf(ch)) % 36
    if (p === 0) p = 36
    p = (p * 2) % 37
  }
  return ALPHABET[(37 - p) % 36]!
}
