import { Registry } from 'prom-client'
import { beforeAll, describe, expect, it } from 'vitest'
import type {
  CertificateBatch,
  DepartmentAdapter,
  IssuedCertificate,
} from '../../adapters/adapter-contract.ts'
import { AdapterRegistry } from '../../adapters/adapter-registry.ts'
import { UpstreamError } from '../../platform/errors/app-error.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { CERTIFICATE_FEED_KIND, CertificateFeedService } from './certificate-feed-service.ts'
import { demoPeople, seedCertificateWorld, typeCodeOf } from './certificate-test-support.ts'

// The feed against scripted department systems; certificate-feed-simulators.test.ts runs the real ones.
const hub = useTestApp()
let typeCode: string
beforeAll(async () => {
  await seedCertificateWorld(hub.database.db)
  typeCode = await typeCodeOf(hub.database.db, 'lf-hfund')
})

const person = demoPeople()[30]!
const proof = (serial: string, extra: Partial<IssuedCertificate> = {}): IssuedCertificate => ({
  typeCode,
  serial,
  holder: { idType: 'resident-id', idNumber: person.residentId, name: person.name },
  issuedOn: '2026-11-05',
  validUntil: '2027-02-04',
  faceData: { accountNumber: '0141021016712', monthlyAmount: 460, paidThrough: '2026-10' },
  ...extra,
})

/** A department system that answers `certificatesSince(cursor)` from a script, and remembers the cursors asked for. */
function scripted(name: string, department: string, script: Record<string, CertificateBatch | Error>) {
  const asked: (string | null)[] = []
  const adapter: DepartmentAdapter = {
    name,
    department,
    kinds: [],
    resourceCodes: [],
    health: async () => ({ status: 'up', breaker: 'closed' }),
    async certificatesSince(cursor) {
      asked.push(cursor)
      const answer = script[cursor ?? 'start'] ?? { certificates: [], cursor: cursor ?? '0', caughtUp: true }
      if (answer instanceof Error) throw answer
      return answer
    },
  }
  return { adapter, asked }
}

function feedOver(...adapters: DepartmentAdapter[]) {
  const registry = new AdapterRegistry()
  for (const a of adapters) registry.register(a)
  const warnings: { obj: object; msg: string }[] = []
  const metrics = new Registry()
  const feed = new CertificateFeedService({
    db: hub.app.db,
    adapters: registry,
    certificates: hub.app.certificates.service,
    log: { warn: (obj, msg) => warnings.push({ obj, msg }) },
    registry: metrics,
  })
  return { feed, warnings, metrics }
}

const storedFor = (serialPart: string) =>
  hub.database.db('certificates').whereLike('id', `%.${serialPart}.%`).first('status', 'status_reason')

describe('CertificateFeedService', () => {
  it('ingests under the adapter’s department, skips what the hub refuses, and resumes from its cursor', async () => {
    const badHolder = person.residentId.slice(0, 17) + (person.residentId.endsWith('0') ? '1' : '0')
    const { adapter, asked } = scripted('fund', 'lf-hfund', {
      start: {
        certificates: [proof('F1'), proof('F2', { holder: { ...proof('F2').holder, idNumber: badHolder } })],
        cursor: '2',
        caughtUp: false,
      },
      '2': {
        certificates: [proof('F3', { status: 'revoked', statusReason: '证明已作废' })],
        cursor: '3',
        caughtUp: true,
      },
    })
    const { feed, warnings, metrics } = feedOver(adapter)
    expect(await feed.pull('fund')).toEqual({
      adapter: 'fund',
      batches: 2,
      received: 3,
      ingested: 2,
      rejected: 1,
      caughtUp: true,
    })
    expect(await storedFor('F1')).toEqual({ status: 'valid', status_reason: null })
    expect(await storedFor('F2')).toBeUndefined()
    expect(await storedFor('F3')).toEqual({ status: 'revoked', status_reason: '证明已作废' })

    // Logged by type and failing field only: no resident ID, no name.
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.obj).toMatchObject({ code: 'certificate-invalid', fields: ['/holder/idNumber'] })
    const logged = JSON.stringify(warnings)
    for (const secret of [person.residentId.slice(0, 17), person.name]) expect(logged).not.toContain(secret)
    expect(await metrics.getSingleMetricAsString('hub_certificate_feed_rejected_total')).toContain(
      'hub_certificate_feed_rejected_total{adapter="fund",reason="certificate-invalid"} 1',
    )

    const cursor = await hub.database
      .db('hub_sync_cursors')
      .where({ adapter: 'fund', kind: CERTIFICATE_FEED_KIND })
      .first()
    expect(cursor).toMatchObject({ cursor: '3', caught_up: true })
    await feed.pull('fund')
    expect(asked).toEqual([null, '2', '3'])
  })

  it('takes a revoked certificate fed by two pulls at once (two instances, or a tick during the first run)', async () => {
    const revoked = proof('R1', { status: 'revoked', statusReason: '证明已作废' })
    const { adapter } = scripted('fund-twice', 'lf-hfund', {
      start: { certificates: [proof('R2'), revoked], cursor: '2', caughtUp: true },
    })
    const { feed, warnings } = feedOver(adapter)
    const results = await Promise.all([feed.pull('fund-twice'), feed.pull('fund-twice')])
    for (const result of results) expect(result).toMatchObject({ received: 2, ingested: 2, rejected: 0 })
    expect(warnings).toEqual([])
    expect(await storedFor('R1')).toEqual({ status: 'revoked', status_reason: '证明已作废' })
    const changes = await hub.database
      .db('outbox')
      .where({ type: 'certificate.status-changed' })
      .whereRaw("payload->>'id' like ?", ['%.R1.%'])
      .count<{ count: string }[]>('* as count')
    expect(Number(changes[0]!.count)).toBe(1)
  })

  it('keeps pulling the other adapters when one system is down, and refuses types of other departments', async () => {
    const down = scripted('down', 'lf-hrss', {
      start: new UpstreamError(502, 'upstream-failed', 'hrss answered 9999'),
    })
    const wrongIssuer = scripted('wrong', 'lf-housing', {
      start: { certificates: [proof('W1')], cursor: '1', caughtUp: true },
    })
    // A type the hub has not registered yet waits (cursor kept) instead of being skipped for good.
    const untyped = scripted('untyped', 'lf-hfund', {
      start: {
        certificates: [proof('U1', { typeCode: '111410000120000327999' })],
        cursor: '1',
        caughtUp: true,
      },
    })
    const fund = scripted('fund2', 'lf-hfund', {
      start: { certificates: [proof('G1')], cursor: '1', caughtUp: true },
    })
    const { feed, warnings } = feedOver(down.adapter, untyped.adapter, wrongIssuer.adapter, fund.adapter)

    const { results, failures } = await feed.pullAll()
    expect(failures.map((f) => f.adapter)).toEqual(['down', 'untyped'])
    expect(results.map((r) => [r.adapter, r.ingested, r.rejected])).toEqual([
      ['wrong', 0, 1],
      ['fund2', 1, 0],
    ])
    expect(await storedFor('G1')).toMatchObject({ status: 'valid' })
    expect(warnings.map((w) => w.msg)).toContain('certificate feed pull failed')
    expect(warnings.some((w) => (w.obj as { code?: string }).code === 'not-issuing-department')).toBe(true)
    // The failed adapters' cursors did not move: the next run asks from the start again.
    expect(await hub.database.db('hub_sync_cursors').whereIn('adapter', ['down', 'untyped'])).toEqual([])
  })
})
