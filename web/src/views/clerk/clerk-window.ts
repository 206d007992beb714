import { reactive } from 'vue'
import type { Schemas } from '../../api/client.ts'
import type { Problem } from '../../api/problem.ts'

/**
 * The clerk's window, apart from the page: what a typed query means, how an outcome or refusal is
 * explained (i18n keys under `clerk.outcome.*`), and the certificate last shown — which the print
 * view reads, so nothing about the holder travels in a URL.
 */

export type Query =
  | { kind: 'case'; caseNumber: string }
  | { kind: 'applicant'; idType: 'resident-id' | 'credit-code'; idNumber: string }

const RESIDENT_ID = /^(\d{15}|\d{17}[\dX])$/
const CREDIT_CODE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/

/** One box takes both: an identifier's shape says it is one, anything else is a case number. */
export function readQuery(typed: string): Query | null {
  const text = typed.trim()
  if (!text) return null
  const upper = text.toUpperCase()
  if (RESIDENT_ID.test(upper)) return { kind: 'applicant', idType: 'resident-id', idNumber: upper }
  if (CREDIT_CODE.test(upper)) return { kind: 'applicant', idType: 'credit-code', idNumber: upper }
  return { kind: 'case', caseNumber: text }
}

/** `141002197506035937` → `141002********5937`, as the hub masks resident IDs. */
export function maskId(value: string): string {
  const id = value.trim().toUpperCase()
  if (id.length === 18) return `${id.slice(0, 6)}********${id.slice(14)}`
  if (id.length === 15) return `${id.slice(0, 6)}******${id.slice(12)}`
  return '*'.repeat(id.length)
}

/** The explanation shown for a fetch outcome other than `found`, or for a refusal. */
export interface Explanation {
  /** `clerk.outcome.<key>` holds `title` and `next`. */
  key: string
  code: string
  candidates?: string[]
}

const KNOWN = new Set([
  'case-not-found',
  'invalid-applicant-id',
  'case-closed',
  'material-not-found',
  'material-not-required',
  'material-not-certificate',
  'certificate-type-not-required',
  'certificate-id-invalid',
  'case-has-no-agent',
  'holder-not-applicant',
  'holder-id-invalid',
])

export function explainOutcome(result: Schemas['CertificateFetchResult']): Explanation | null {
  if (result.outcome === 'found') return null
  return { key: result.outcome, code: result.outcome, candidates: result.candidates ?? [] }
}

export function explainProblem(problem: Problem): Explanation {
  if (KNOWN.has(problem.code)) return { key: problem.code, code: problem.code }
  if (problem.status === 403) return { key: 'forbidden', code: problem.code }
  if (problem.status === 404) return { key: 'case-not-found', code: problem.code }
  if (problem.status >= 500) return { key: 'unavailable', code: problem.code }
  return { key: 'other', code: problem.code }
}

type Material = Schemas['CertificateShareableMaterials']['items'][number]

/** What the clerk reads in a material's row (`clerk.state.*`). */
export type MaterialState = 'obtained' | 'shareable' | 'paper'

/**
 * A material's state at the window: obtained once a certificate was fetched for the case; paper
 * needed when nothing can replace it, or while the last fetch found no usable certificate (none,
 * expired, revoked, or several not yet chosen between — the hub records that as `missed`).
 */
export function materialState(material: Pick<Material, 'obtained' | 'shareable' | 'missed'>): MaterialState {
  if (material.obtained) return 'obtained'
  if (!material.shareable || material.missed) return 'paper'
  return 'shareable'
}

/**
 * The material as the hub now records it after a fetch that obtained nothing (what the next read of
 * the case's materials says), so the row changes at once.
 */
export function afterMiss(
  material: Material,
  outcome: Schemas['CertificateFetchResult']['outcome'],
  clerk: string,
  at = new Date(),
): Material {
  if (outcome === 'found' || material.obtained) return material
  return { ...material, missed: { outcome, attemptedAt: at.toISOString(), attemptedBy: clerk } }
}

/** The verified certificate last shown at this window (kept in memory for the print view). */
export interface ShownCertificate {
  caseNumber: string
  materialCode: string
  materialName: string
  fetchedAt: string
  result: Schemas['CertificateFetchResult'] & { certificate: Schemas['Certificate'] }
}

export const lastShown = reactive<{ value: ShownCertificate | null }>({ value: null })
