import { createHash, createHmac } from 'node:crypto'
import { maskResidentId } from '../platform/identifiers/index.ts'

/** The `prev_hash` of the very first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64)

/** One stored audit record, as the hash covers it (column order = serialization order). */
export interface ChainedRecord {
  id: number
  /** Microseconds since the epoch: what timestamptz stores exactly, so verify can re-read it losslessly. */
  occurredAtMicros: bigint
  principal: string
  department: string | null
  roles: string[]
  action: string
  resourceType: string
  resourceId: string | null
  subjectHash: string | null
  subjectMasked: string | null
  items: string[]
  purpose: string | null
  caseNumber: string | null
  grantId: string | null
  outcome: 'allowed' | 'denied'
  reason: string | null
  requestId: string | null
  clientAddress: string | null
  /** Canonical JSON text (see canonicalJson) or null; stored and hashed as these exact characters. */
  details: string | null
  prevHash: string
  /**
   * The hash of this record (ADR 0007): SHA-256 unless SM3 is named. Stored beside the record, so a
   * chain that switches does so at a visible record, and verification hashes each record its way.
   */
  hashAlg?: AuditHashAlgorithm
}

export type AuditHashAlgorithm = 'sha256' | 'sm3'

/**
 * The hashed serialization: every field in a fixed order, the chain position and the previous hash
 * included, so an edit, a move or a re-link all change the hash. It is byte-for-byte what
 * PostgreSQL's `json_build_array(...)::text` gives (", " between elements, arrays without spaces,
 * `details` verbatim), so `audit_record_canonical()` in the migration can re-check it in the database.
 */
export function canonicalRecord(r: ChainedRecord): string {
  const parts = [
    String(r.id),
    `"${r.occurredAtMicros}"`,
    JSON.stringify(r.principal),
    JSON.stringify(r.department),
    JSON.stringify(r.roles),
    JSON.stringify(r.action),
    JSON.stringify(r.resourceType),
    JSON.stringify(r.resourceId),
    JSON.stringify(r.subjectHash),
    JSON.stringify(r.subjectMasked),
    JSON.stringify(r.items),
    JSON.stringify(r.purpose),
    JSON.stringify(r.caseNumber),
    JSON.stringify(r.grantId),
    JSON.stringify(r.outcome),
    JSON.stringify(r.reason),
    JSON.stringify(r.requestId),
    JSON.stringify(r.clientAddress),
    r.details ?? 'null',
    JSON.stringify(r.prevHash),
  ]
  return `[${parts.join(', ')}]`
}

/** SHA-256 (or SM3, as the record says) of the canonical serialization, hex. */
export function hashRecord(r: ChainedRecord): string {
  return createHash(r.hashAlg ?? 'sha256')
    .update(canonicalRecord(r))
    .digest('hex')
}

/** Identifiers compare case- and space-insensitively (a resident ID's X check digit, pasted spaces). */
function normalizeSubject(id: string): string {
  return id.trim().toUpperCase()
}

/**
 * The keyed hash stored instead of the subject identifier: searchable by whoever holds the key,
 * useless for guessing ID numbers from a leaked table (an unkeyed hash of an 18-digit ID is brute-forceable).
 */
export function hashSubject(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(normalizeSubject(id)).digest('hex')
}

/** A display form that lets an auditor recognise a subject without revealing it. */
export function maskSubject(id: string): string {
  const value = normalizeSubject(id)
  if (/^\d{17}[\dX]$|^\d{15}$/.test(value)) return maskResidentId(value)
  // By code point: cutting a surrogate pair in half would store U+FFFD and break the record's hash.
  const chars = Array.from(value)
  if (chars.length <= 4) return '*'.repeat(chars.length)
  const keep = Math.min(4, Math.floor(chars.length / 4))
  return `${chars.slice(0, keep).join('')}${'*'.repeat(chars.length - 2 * keep)}${chars.slice(-keep).join('')}`
}
