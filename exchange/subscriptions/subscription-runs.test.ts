import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import type { DeliveryBatch, DeliveryTarget } from './delivery-target.ts'
import { recordKindFields } from './record-kind-fields.ts'
import { SubscriptionDeliverer } from './subscription-deliverer.ts'
import { holdContributions, subscribableResource, subscribeKafka } from './subscription-test-support.ts'

// A subscription far behind is delivered in runs: several batches in one transaction, each next one
// read while the previous ones are still being acknowledged. A crash anywhere in a run moves nothing
// and logs nothing; the repeat carries the same positions; every batch of it is audited.
const hub = useTestApp()
let tokens: Record<Who, string>
const RECORDS = 1000 // 500 in the granted districts

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  await holdContributions(hub.database.db, RECORDS)
})

async function subscription(seq: string): Promise<string> {
  return subscribeKafka(hub, tokens, await subscribableResource(hub, tokens, seq), 'run')
}

const deliverer = (target: DeliveryTarget) =>
  new SubscriptionDeliverer({
    db: hub.app.db,
    targets: { kafka: target, table: target },
    fieldsOf: recordKindFields(),
    audit: hub.app.audit.writer,
    subjectHash: (id) => hub.app.audit.writer.subjectHash(id),
    disputes: async () => new Map(),
    batchSize: 100,
    runRecords: RECORDS,
    runMs: 60_000,
  })

const state = async (id: string) => ({
  position: String((await hub.database.db('subscriptions').where({ id }).first('position')).position),
  logged: Number(
    (await hub.database
      .db('subscription_deliveries')
      .where({ subscription_id: id })
      .count({ n: '*' })
      .first())!.n,
  ),
})

describe('a run of batches', () => {
  it('after a crash mid-run has moved and logged nothing, and repeats with the same positions', async () => {
    const id = await subscription('00931')
    const first = new Map<string, string>()
    let calls = 0
    const dying: DeliveryTarget = {
      pipelined: true,
      async deliver(batch: DeliveryBatch) {
        for (const r of batch.records) first.set(r.recordId, r.position)
        // The target holds the third batch of the run, then the hub dies before the commit.
        if (++calls === 3) throw new Error('hub killed')
      },
    }
    await expect(deliverer(dying).deliverBatch(id)).rejects.toThrow('hub killed')
    expect(await state(id)).toEqual({ position: '0', logged: 0 })
    expect(first.size).toBeGreaterThanOrEqual(150)

    const again = new Map<string, string>()
    const healthy: DeliveryTarget = {
      pipelined: true,
      async deliver(batch) {
        for (const r of batch.records) again.set(r.recordId, r.position)
      },
    }
    const run = await deliverer(healthy).deliverBatch(id)
    expect(run).toMatchObject({ outcome: 'delivered', records: RECORDS / 2 })
    for (const [recordId, position] of first) expect(again.get(recordId)).toBe(position)
    const after = await state(id)
    expect(after.logged).toBe(RECORDS / 2)
    // The position is the last change read, delivered or not (the last two are outside the districts).
    const top = await hub.database.db('hub_records').max({ seq: 'change_seq' }).first()
    expect(after.position).toBe(String(top!.seq))
    expect(await deliverer(healthy).deliverBatch(id)).toMatchObject({ outcome: 'idle', records: 0 })

    // One audit record per batch of the run (100 changes each, 50 delivered), chained from 0.
    const audits = await hub.database
      .db('audit_records')
      .where({ action: 'exchange.subscription.deliver', outcome: 'allowed' })
      .whereRaw(`details::jsonb->>'subscription' = ?`, [id])
      .select('details')
    const batches = audits
      .map((a) => JSON.parse(a.details) as { from: string | number; to: string; records: number })
      .sort((a, b) => Number(a.from) - Number(b.from))
    // The crashed run audited what it handed over (three batches or more), the repeat all ten again.
    expect(batches.length).toBeGreaterThanOrEqual(13)
    const distinct = [...new Map(batches.map((b) => [String(b.from), b])).values()]
    expect(distinct).toHaveLength(10)
    for (const b of distinct) expect(b.records).toBe(50)
    expect(String(distinct[0]!.from)).toBe('0')
    for (let i = 1; i < distinct.length; i++) expect(String(distinct[i]!.from)).toBe(distinct[i - 1]!.to)
  })

  it('hands batches to a target that is not pipelined one after another, in order', async () => {
    const id = await subscription('00932')
    let inFlight = 0
    let most = 0
    const positions: number[] = []
    const slow: DeliveryTarget = {
      async deliver(batch) {
        most = Math.max(most, ++inFlight)
        await new Promise((r) => setTimeout(r, 20))
        positions.push(...batch.records.map((r) => Number(r.position)))
        inFlight -= 1
      },
    }
    const run = await deliverer(slow).deliverBatch(id)
    expect(run.outcome).toBe('delivered')
    expect(most).toBe(1)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(positions).toHaveLength(run.records)
  })
})
