import { beforeAll, describe, expect, it } from 'vitest'
import { verifyChain } from '../../audit/audit-verify.ts'
import { departmentTopic } from '../../exchange/cases/case-distributor.ts'
import { createDeduplicator, createKafkaConsumer } from '../../platform/events/kafka-consumer.ts'
import type { CaseEvent } from '../../schemas/generated/types.ts'
import {
  type FetchWorld,
  fetchLoad,
  fetchOne,
  ingestCases,
  relayLockHolder,
  seedFetchWorld,
} from '../support/cluster-workload.ts'
import { liveHubs, useHubCluster } from '../support/use-hub-cluster.ts'

/**
 * Issue 19: three real hub processes (`hub/cli/start.ts`) behind HAProxy on one PostgreSQL,
 * Kafka and Redis. Under fetch and case-ingest load the hub holding the outbox relay is SIGKILLed:
 * no 200 without its audit record, no event lost, order per case kept, the relay taken over, a
 * revocation made on one hub refused by another on its very next request, and the chain verifies.
 * (Jobs, webhooks and limits across instances: multi-instance-coordination.test.ts.)
 */

const hubs = useHubCluster()
const { database, run, topicPrefix, brokers } = hubs
const CASES = 40
const PER_CASE = 10
let world: FetchWorld
let limited: FetchWorld

beforeAll(async () => {
  world = await seedFetchWorld(database.db, hubs.cluster.lbUrl, hubs.issuer, { who: run })
}, 60_000)

describe('three hubs behind HAProxy', () => {
  it('keeps audit, events, order and revocations whole when the relay hub is SIGKILLed under load', async () => {
    const { cluster, issuer } = hubs
    const holderBefore = await relayLockHolder(database.db)
    const relayHub = holderBefore && (await cluster.owningPort(holderBefore.clientPort))
    expect(relayHub).toBeTruthy()

    const seen: CaseEvent[] = []
    const dedup = createDeduplicator()
    const handle = dedup.wrap(async (event) => {
      seen.push(event.payload as CaseEvent)
    })
    const consumer = createKafkaConsumer({
      brokers: brokers.split(','),
      topicPrefix,
      groupId: `${topicPrefix}approval`,
      topics: [departmentTopic('lf-approval')],
      handler: (event) =>
        handle({ ...event, eventId: (event.payload as CaseEvent).sourceEventId ?? event.eventId }),
    })
    await consumer.start()
    try {
      const service = await issuer.issue({
        subject: `hrss-system-${run}`,
        department: 'lf-hrss',
        roles: ['service'],
        district: null,
      })
      const caseNumbers = Array.from(
        { length: CASES },
        (_, i) => `LF-MI-${run}-${String(i).padStart(4, '0')}`,
      )
      let loading = true
      const fetches = fetchLoad(cluster.lbUrl, world, 12, () => !loading)
      const ingest = ingestCases(cluster.lbUrl, service, caseNumbers, PER_CASE)

      // Mid-load: the hub that holds the relay lock dies without a goodbye.
      await new Promise((r) => setTimeout(r, 2_500))
      const killedAt = Date.now()
      await cluster.kill(relayHub!.index)
      let takeoverMs = Number.NaN
      for (;;) {
        const holder = await relayLockHolder(database.db)
        if (holder !== null && holder.pid !== holderBefore!.pid) {
          takeoverMs = Date.now() - killedAt
          break
        }
        if (Date.now() - killedAt > 15_000) break
        await new Promise((r) => setTimeout(r, 50))
      }
      const ingested = await ingest
      await new Promise((r) => setTimeout(r, 1_000))
      loading = false
      const tally = await fetches
      console.log(JSON.stringify({ relayTakeoverMs: takeoverMs, fetch: tally.statuses, ingest: ingested }))
      expect(takeoverMs).toBeLessThan(10_000)
      expect(ingested.acknowledged).toBe(CASES * PER_CASE)

      // No 200 without its audit record (durable before the answer), on any hub.
      expect(tally.ok.length).toBeGreaterThan(50)
      const audited = new Set(
        await database
          .db('audit_records')
          .where({ action: 'exchange.fetch', outcome: 'allowed' })
          .whereIn('request_id', tally.ok)
          .pluck('request_id'),
      )
      expect(tally.ok.filter((id) => !audited.has(id))).toEqual([])
      // Nothing but 200, or a broken connection / 502 from the hub that was killed mid-request.
      expect(Object.keys(tally.statuses).filter((s) => !['200', '0', '502', '503'].includes(s))).toEqual([])

      // Every event reaches the subscriber, in order per case, after de-duplication.
      const end = Date.now() + 25_000
      while (seen.length < CASES * PER_CASE && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
      expect(seen).toHaveLength(CASES * PER_CASE)
      const byCase = new Map<string, number[]>()
      for (const e of seen) byCase.set(e.caseNumber, [...(byCase.get(e.caseNumber) ?? []), e.sequence])
      expect(byCase.size).toBe(CASES)
      const inOrder = Array.from({ length: PER_CASE }, (_, i) => i + 1)
      for (const sequences of byCase.values()) expect(sequences).toEqual(inOrder)
    } finally {
      await consumer.stop()
    }

    // A revocation made on one surviving hub is refused on the other's very next request (grant epoch).
    const [a, b] = cluster.instances.filter((i) => i !== relayHub)
    expect((await fetchOne(b!.url, world, 1)).status).toBe(200)
    const revoked = await fetch(`${a!.url}/v1/grants/${world.grantId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.steward}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '项目结束' }),
    })
    expect(revoked.status).toBe(200)
    const after = await fetchOne(b!.url, world, 1)
    expect([403, 404]).toContain(after.status)
    const refusal = await database.db('audit_records').where({ request_id: after.requestId }).first()
    expect(refusal?.outcome).toBe('denied')

    // One chain across all instances, nothing forked or lost.
    const chain = await verifyChain(database.db)
    expect(chain.firstBroken).toBeUndefined()
    expect(chain.ok).toBe(true)
  }, 60_000)

  it("counts a grant's per-minute limit across instances, whichever hub serves the call", async () => {
    limited = await seedFetchWorld(database.db, hubs.cluster.lbUrl, hubs.issuer, {
      seq: '90002',
      who: run,
      decision: { rateLimitPerMinute: 6 },
    })
    const live = liveHubs(hubs.cluster)
    expect(live.length).toBe(2)
    // The limit counts per clock minute: start the burst well inside one.
    const second = new Date().getUTCSeconds()
    if (second > 50) await new Promise((r) => setTimeout(r, (61 - second) * 1000))
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await fetchOne(live[i % 2]!.url, limited, i)).status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(6)
    expect(statuses.filter((s) => s === 429)).toHaveLength(6)
  }, 30_000)

  it('shows a catalog change made on one hub on the next read from another (catalog version)', async () => {
    const [a, b] = liveHubs(hubs.cluster)
    const read = async () => {
      const res = await fetch(`${b!.url}/v1/resources/${encodeURIComponent(limited.code)}`, {
        headers: { authorization: `Bearer ${limited.consumer}` },
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as { status: string }).status
    }
    expect(await read()).toBe('published')
    expect(await read()).toBe('published') // now from hub B's cache
    const deprecated = await fetch(`${a!.url}/v1/resources/${encodeURIComponent(limited.code)}/deprecate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${limited.steward}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '由新版资源替代' }),
    })
    expect(deprecated.status).toBe(200)
    expect(await read()).toBe('deprecated')
  }, 30_000)
})
