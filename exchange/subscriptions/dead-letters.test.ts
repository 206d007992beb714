import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import type { DeliveryBatch, DeliveryTarget } from './delivery-target.ts'
import { recordKindFields } from './record-kind-fields.ts'
import { SubscriptionDeliverer } from './subscription-deliverer.ts'
import { SubscriptionRunner } from './subscription-runner.ts'
import { holdContributions, subscribableResource, subscribeKafka } from './subscription-test-support.ts'

// A poison record (one the target refuses on its own) is set aside after the batch failed three
// times in a row; the rest of the stream moves on; a replay sends it once the target takes it.
const hub = useTestApp()
let tokens: Record<Who, string>
let subscription: string
const POISON = 'JF-0000004'

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  const resource = await subscribableResource(hub, tokens, '00920')
  await holdContributions(hub.database.db, 40)
  subscription = await subscribeKafka(hub, tokens, resource, 'dl')
})

const get = (url: string, method: 'GET' | 'POST' = 'GET') =>
  hub.app.inject({ method, url, headers: { authorization: `Bearer ${tokens.consumer}` } })

describe('dead letters of a subscription', () => {
  it('sets a poison record aside after three failed batches, delivers the rest, and replays it', async () => {
    const taken: string[] = []
    const picky: DeliveryTarget = {
      async deliver(batch: DeliveryBatch) {
        if (batch.records.some((r) => r.recordId === POISON)) throw new Error('record rejected by the target')
        taken.push(...batch.records.map((r) => r.recordId))
      },
    }
    const deliverer = new SubscriptionDeliverer({
      db: hub.app.db,
      targets: { kafka: picky, table: picky },
      fieldsOf: recordKindFields(),
      audit: hub.app.audit.writer,
      subjectHash: (id) => hub.app.audit.writer.subjectHash(id),
      disputes: async () => new Map(),
      batchSize: 1000,
    })
    const warnings: object[] = []
    const runner = new SubscriptionRunner({
      db: hub.app.db,
      deliverer,
      pollMs: 50,
      logger: { warn: (obj) => void warnings.push(obj) },
    })
    for (let i = 0; i < 40 && taken.length === 0; i++) {
      await runner.cycle()
      await new Promise((r) => setTimeout(r, 150))
    }
    expect(warnings).toHaveLength(3)
    expect(taken).toHaveLength(19) // 20 records in the granted districts, less the poison one
    expect(taken).not.toContain(POISON)
    const listed = await get(`/v1/subscriptions/${subscription}/dead-letters`)
    expect(listed.json().items).toEqual([
      expect.objectContaining({ recordId: POISON, error: 'record rejected by the target' }),
    ])
    expect((await get(`/v1/subscriptions/${subscription}`)).json().delivered).toBe(19)

    // The app's own target (Kafka) takes it.
    const replayed = await get(`/v1/subscriptions/${subscription}/dead-letters/replay`, 'POST')
    expect(replayed.statusCode, replayed.body).toBe(200)
    expect(replayed.json()).toEqual({ replayed: 1, remaining: 0 })
    expect((await get(`/v1/subscriptions/${subscription}/dead-letters`)).json().items).toEqual([])
    const audit = await hub.database
      .db('audit_records')
      .where({ action: 'exchange.subscription.replay' })
      .first()
    expect(audit).toMatchObject({ outcome: 'allowed', department: 'lf-approval' })
  })
})
