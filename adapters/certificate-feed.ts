/**
 * What every adapter's `certificatesSince` shares: running the dialect ⇒ `IssuedCertificate`
 * mapping with a shape check, and (for systems without a change log) turning a page-number or
 * offset listing into a resumable cursor.
 */
import type { UpstreamClient } from '../platform/http-client/http-client-factory.ts'
import type { CertificateBatch, IssuedCertificate } from './adapter-contract.ts'
import { numericCursor } from './adapter-support.ts'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const STATUSES = new Set(['valid', 'suspended', 'revoked'])

/** Shape problems only: the holder's check digit and the face data are the hub's to judge. */
function shapeProblem(c: IssuedCertificate): string | null {
  if (!/^[0-9A-Z]{18}\d{3}$/.test(c.typeCode ?? '')) return `type code "${c.typeCode}"`
  if (!/^[0-9A-Z]+$/.test(c.serial ?? '')) return `serial "${c.serial}"`
  if (c.holder?.idType !== 'resident-id' && c.holder?.idType !== 'credit-code') return 'holder type'
  if (!c.holder.idNumber || !c.holder.name) return 'holder number or name missing'
  for (const date of [c.issuedOn, c.validFrom, c.validUntil])
    if (date !== undefined && !DATE.test(date)) return `date "${date}"`
  if (!c.faceData || typeof c.faceData !== 'object') return 'face data missing'
  if (c.status !== undefined && !STATUSES.has(c.status)) return `status "${c.status}"`
  return null
}

/**
 * Maps a listing; an unknown code or a certificate without the shape the hub needs refuses the
 * whole answer (502 `upstream-invalid-answer`) and the cursor stays where it was.
 */
export function mapCertificates<T>(
  client: UpstreamClient,
  items: unknown,
  map: (item: T) => IssuedCertificate,
): IssuedCertificate[] {
  if (!Array.isArray(items)) throw client.invalidAnswer('certificates: expected a list')
  return items.map((item: T, index) => {
    let mapped: IssuedCertificate
    try {
      mapped = map(item)
    } catch (error) {
      throw client.invalidAnswer(`certificate ${index}: ${(error as Error).message}`, error)
    }
    const problem = shapeProblem(mapped)
    if (problem) throw client.invalidAnswer(`certificate ${index}: bad ${problem}`)
    return mapped
  })
}

/** One page of a listing in issue order: its rows, the position of its first row, the total. */
export interface ListingPage {
  rows: unknown
  first: number
  total: number
}

/**
 * For systems that list certificates in issue order but keep no change log: the cursor counts the
 * certificates already handed over, and `read(position)` fetches the page holding that position in
 * the system's own paging (page number or offset). Rows before the position are skipped.
 */
export async function certificatesFromListing<T>(
  client: UpstreamClient,
  cursor: string | null,
  read: (position: number) => Promise<ListingPage>,
  map: (item: T) => IssuedCertificate,
): Promise<CertificateBatch> {
  const position = numericCursor(cursor)
  const page = await read(position)
  if (!Array.isArray(page.rows) || !Number.isInteger(page.total) || page.first > position)
    throw client.invalidAnswer('certificates: the page does not hold the position asked for')
  const fresh = page.rows.slice(position - page.first)
  const certificates = mapCertificates(client, fresh, map)
  const next = position + fresh.length
  return { certificates, cursor: String(next), caughtUp: fresh.length === 0 || next >= page.total }
}
