import type { Knex } from 'knex'
import { Counter, type Registry } from 'prom-client'
import type { DepartmentAdapter, IssuedCertificate } from '../../adapters/adapter-contract.ts'
import type { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import { readCursor, writeCursor } from '../../adapters/sync-cursor-store.ts'
import { InputError } from '../../platform/errors/app-error.ts'
import type { Certificate } from '../../schemas/generated/types.ts'
import type { IngestedCertificate } from './certificate-service.ts'

/**
 * The certificate feed: certificates issued in the departments' own systems, pulled through each
 * adapter's `certificatesSince` and handed to `CertificateService.ingest` under the adapter's
 * department. The cursor lives with the hub-held copies' cursors (`hub_sync_cursors`, kind
 * `certificates`), so `hub_sync_lag_seconds` covers the feed too. Ingesting is idempotent, and the
 * cursor advances only after a whole batch was handled: a crash repeats at most one batch.
 */

/** The `hub_sync_cursors.kind` of the certificate feed. */
export const CERTIFICATE_FEED_KIND = 'certificates'

export interface FeedResult {
  adapter: string
  batches: number
  received: number
  ingested: number
  rejected: number
  caughtUp: boolean
}

export interface FeedFailure {
  adapter: string
  error: unknown
}

export interface FeedLog {
  warn(obj: object, msg: string): void
}

export interface CertificateIngest {
  ingest(issuerDepartment: string, input: IngestedCertificate): Promise<Certificate>
}

export interface CertificateFeedDeps {
  db: Knex
  adapters: AdapterRegistry
  certificates: CertificateIngest
  log: FeedLog
  registry: Registry
  /** Bounds one run per adapter; the next run resumes from the cursor. */
  maxBatches?: number
}

export class CertificateFeedService {
  private readonly received: Counter<'adapter'>
  private readonly rejected: Counter<'adapter' | 'reason'>

  constructor(private readonly deps: CertificateFeedDeps) {
    this.received = counter(
      deps.registry,
      'hub_certificate_feed_received_total',
      'Certificates read from department systems',
      ['adapter'],
    )
    this.rejected = counter(
      deps.registry,
      'hub_certificate_feed_rejected_total',
      'Certificates from department systems the hub refused (skipped), by error code',
      ['adapter', 'reason'],
    )
  }

  /** Adapters whose department system lists the certificates it issued. */
  sources(): DepartmentAdapter[] {
    return this.deps.adapters.list().filter((a) => a.certificatesSince)
  }

  /** Pulls one adapter until its system is caught up (or `maxBatches` batches). */
  async pull(adapterName: string): Promise<FeedResult> {
    const adapter = this.deps.adapters.get(adapterName)
    if (!adapter.certificatesSince)
      throw new InputError('certificate-feed-not-supported', `Adapter ${adapterName} lists no certificates.`)
    const maxBatches = this.deps.maxBatches ?? 50
    let { cursor } = await readCursor(this.deps.db, adapter.name, CERTIFICATE_FEED_KIND)
    const result: FeedResult = {
      adapter: adapter.name,
      batches: 0,
      received: 0,
      ingested: 0,
      rejected: 0,
      caughtUp: false,
    }
    while (result.batches < maxBatches && !result.caughtUp) {
      const batch = await adapter.certificatesSince(cursor)
      for (const certificate of batch.certificates) {
        if (await this.ingestOne(adapter, certificate)) result.ingested++
        else result.rejected++
      }
      await writeCursor(this.deps.db, adapter.name, CERTIFICATE_FEED_KIND, batch.cursor, batch.caughtUp)
      this.received.inc({ adapter: adapter.name }, batch.certificates.length)
      result.batches++
      result.received += batch.certificates.length
      result.caughtUp = batch.caughtUp
      cursor = batch.cursor
    }
    return result
  }

  /** Pulls every source; one failing (its system down, a hub error) does not hold up the others. */
  async pullAll(): Promise<{ results: FeedResult[]; failures: FeedFailure[] }> {
    const results: FeedResult[] = []
    const failures: FeedFailure[] = []
    for (const adapter of this.sources()) {
      try {
        results.push(await this.pull(adapter.name))
      } catch (error) {
        this.deps.log.warn({ err: error, adapter: adapter.name }, 'certificate feed pull failed')
        failures.push({ adapter: adapter.name, error })
      }
    }
    return { results, failures }
  }

  /**
   * False when the hub refuses the certificate (bad holder number, face data, another department's
   * type): it is skipped and counted, and logged by type and failing fields only — never the holder
   * or the serial. A type the hub does not know yet is a setup gap, not bad data, so like any other
   * error (database down) it stops this adapter's pull before the cursor moves: once the type is
   * registered, the next run ingests what was waiting.
   */
  private async ingestOne(adapter: DepartmentAdapter, certificate: IssuedCertificate): Promise<boolean> {
    try {
      await this.deps.certificates.ingest(adapter.department, certificate)
      return true
    } catch (error) {
      if (!(error instanceof InputError) || error.code === 'unknown-certificate-type') throw error
      this.rejected.inc({ adapter: adapter.name, reason: error.code })
      this.deps.log.warn(
        {
          adapter: adapter.name,
          department: adapter.department,
          typeCode: certificate.typeCode,
          code: error.code,
          fields: error.errors?.map((e) => e.path) ?? [],
        },
        'certificate from a department system rejected and skipped',
      )
      return false
    }
  }
}

/** The app registry may already hold the counter (several services on one registry in tests). */
function counter<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: L[],
): Counter<L> {
  return (
    (registry.getSingleMetric(name) as Counter<L> | undefined) ??
    new Counter({ name, help, labelNames, registers: [registry] })
  )
}
