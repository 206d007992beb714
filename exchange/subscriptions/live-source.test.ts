import { beforeAll, describe, expect, it } from 'vitest'
import type { CanonicalRecord, DepartmentAdapter } from '../../adapters/adapter-contract.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import type { DeliveredRecord, DeliveryTarget } from './delivery-target.ts'
import { LiveSource } from './live-source.ts'
import { recordKindFields } from './record-kind-fields.ts'
import { SubscriptionDeliverer } from './subscription-deliverer.ts'
import { SubscriptionRunner } from './subscription-runner.ts'
import { ALL_DISTRICTS, residentId, subscribableResource } from './subscription-test-support.ts'

// A live (not hub-held) resource: the provider is paged in passes; a pass delivers what is new or
// changed under the grant, and what the provider no longer lists as deleted.
const hub = useTestApp()
let tokens: Record<Who, string>
let subscription: string
let grantId: string

/** The provider's records: contributions of 12 people over the four districts (two granted). */
let provided: CanonicalRecord[] = []
const contribution = (n: number, base = '5000.00'): CanonicalRecord => {
  const subjectId = residentId(ALL_DISTRICTS[n % ALL_DISTRICTS.length]!, n)
  const recordId = `LV-${String(n).padStart(4, '0')}`
  return {
    kind: 'social-insurance-contribution',
    recordId,
    data: { recordId, subjectId, subjectName: `李${n}`, insuranceType: 'pension', contributionBase: base },
  }
}
const pages: (string | null)[] = []
const provider = {
  name: 'live-hrss',
  async pageRecords(_kind: string, { after, limit }: { after: string | null; limit: number }) {
    pages.push(after)
    const from = Number(after ?? 0)
    const records = provided.slice(from, from + limit)
    return { records, next: from + limit < provided.length ? String(from + limit) : null }
  },
} as unknown as DepartmentAdapter

const delivered: DeliveredRecord[] = []
const target: DeliveryTarget = {
  async deliver(batch) {
    delivered.push(...batch.records)
  },
}

const deliverer = (to: DeliveryTarget = target) =>
  new SubscriptionDeliverer({
    db: hub.app.db,
    targets: { kafka: to, table: to },
    fieldsOf: recordKindFields(),
    audit: hub.app.audit.writer,
    subjectHash: (id) => hub.app.audit.writer.subjectHash(id),
    disputes: async () => new Map(),
    batchSize: 1000,
    live: new LiveSource({ adapter: () => provider, pageSize: 5, repageMs: 0 }),
  })
const warnings: unknown[] = []
const drain = () =>
  new SubscriptionRunner({
    db: hub.app.db,
    deliverer: deliverer(),
    pollMs: 50,
    logger: { warn: (obj) => void warnings.push(obj) },
  }).drain()

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  const resource = await subscribableResource(hub, tokens, '00930')
  grantId = resource.grantId
  await hub.database
    .db('resource_sources')
    .where({ resource_code: resource.code })
    .update({ adapter: 'live-hrss', hub_held: false })
  const [row] = await hub.database
    .db('subscriptions')
    .insert({
      consumer_department: 'lf-approval',
      resource_code: resource.code,
      grant_id: grantId,
      record_kind: 'social-insurance-contribution',
      target: 'kafka',
      topic: 'records.lf-approval.live',
      source: 'live',
      created_by: 'test',
    })
    .returning('id')
  subscription = row.id
  provided = Array.from({ length: 12 }, (_, n) => contribution(n))
})

describe('a subscription to a live resource', () => {
  it('takes the snapshot page by page, through the grant, logged and audited', async () => {
    expect(await drain()).toBe(6) // the 6 of 12 in the two granted districts
    expect(pages.slice(0, 3)).toEqual([null, '5', '10'])
    expect(delivered.map((r) => r.position)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(delivered[0]!.items).toEqual({
      gmsfhm: expect.stringMatching(/^141002\*+[\dX]{4}$/),
      xm: '李*',
      jfjs: '5000.00',
    })
    expect(Object.keys(delivered[0]!.items)).toEqual(['gmsfhm', 'xm', 'jfjs'])
    const logged = await hub.database.db('subscription_deliveries').where({ subscription_id: subscription })
    expect(logged).toHaveLength(6)
    expect(logged[0].subject_hash).toBe(hub.app.audit.writer.subjectHash(String(provided[0]!.data.subjectId)))
    const audits = await hub.database
      .db('audit_records')
      .where({ action: 'exchange.subscription.deliver', principal: `subscription:${subscription}` })
    expect(audits.length).toBeGreaterThanOrEqual(2)
  })

  it('delivers on the next pass only what changed, and what the provider no longer lists as deleted', async () => {
    delivered.length = 0
    expect(await drain()).toBe(0) // a pass with no change delivers nothing
    provided = provided.filter((r) => r.recordId !== 'LV-0004') // granted district: gone
    provided[0] = contribution(0, '6100.00')
    provided[2] = contribution(2, '6100.00') // not granted district: nothing to say
    await drain()
    expect(delivered.map((r) => [r.recordId, r.position, r.deleted ?? false])).toEqual([
      ['LV-0000', '7', false],
      ['LV-0004', '8', true],
    ])
    expect(delivered[0]!.items.jfjs).toBe('6100.00')
    expect(warnings).toEqual([])
    const view = await hub.app.inject({
      method: 'GET',
      url: `/v1/subscriptions/${subscription}/reconciliation`,
      headers: { authorization: `Bearer ${tokens.consumer}` },
    })
    expect(view.json()).toMatchObject({ position: '8', eligible: 5 })
  })

  it('sets aside a deletion the target refuses, and a replay sends it again', async () => {
    delivered.length = 0
    provided = provided.filter((r) => r.recordId !== 'LV-0000') // granted district: gone
    const noDeletions: DeliveryTarget = {
      async deliver(batch) {
        if (batch.records.some((r) => r.deleted)) throw new Error('deletions refused')
        delivered.push(...batch.records)
      },
    }
    const runner = new SubscriptionRunner({
      db: hub.app.db,
      deliverer: deliverer(noDeletions),
      pollMs: 50,
      logger: { warn: () => undefined },
    })
    const letters = () =>
      hub.app.inject({
        url: `/v1/subscriptions/${subscription}/dead-letters`,
        headers: { authorization: `Bearer ${tokens.consumer}` },
      })
    for (let i = 0; i < 40 && (await letters()).json().items.length === 0; i++) {
      await runner.cycle()
      await new Promise((r) => setTimeout(r, 150))
    }
    expect((await letters()).json().items).toEqual([
      expect.objectContaining({ recordId: 'LV-0000', position: '9', error: 'deletions refused' }),
    ])
    // The app's own target (Kafka) takes it: the deletion goes again, at its own position.
    const replay = await hub.app.inject({
      method: 'POST',
      url: `/v1/subscriptions/${subscription}/dead-letters/replay`,
      headers: { authorization: `Bearer ${tokens.consumer}` },
    })
    expect(replay.json()).toEqual({ replayed: 1, remaining: 0, requeued: 0 })
    expect((await letters()).json().items).toEqual([])
  })

  it('stops before the next page once the grant is revoked', async () => {
    delivered.length = 0
    await hub.database.db('grants').where({ id: grantId }).update({ status: 'revoked' })
    provided[1] = contribution(1, '7000.00')
    await drain()
    expect(delivered).toEqual([])
    const row = await hub.database.db('subscriptions').where({ id: subscription }).first()
    expect(row).toMatchObject({ status: 'stopped', stop_reason: 'grant-revoked' })
  })
})
