import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { recordReference } from '../fetch/record-reference.ts'
import { KafkaTarget } from './kafka-target.ts'
import {
  changeContributions,
  holdContributions,
  subscribableResource,
  TEST_KEK,
  useFrontEndDatabase,
} from './subscription-test-support.ts'

// A record under an unresolved data objection (数据异议) leaves by subscription with the objection's
// id — in the consumer's front-end table, on its Kafka topic and in file snapshots — and the next
// delivery after the objection is resolved carries no mark. lf-hrss provides, lf-approval subscribes;
// JF-0000000 and JF-0000001 lie in granted districts, JF-0000000 is disputed.
const hub = useTestApp({ env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
const frontEnd = useFrontEndDatabase()
let tokens: Record<Who, string>
let code: string
let grantId: string
let objectionId: string
const DISPUTED = 'JF-0000000'
const CLEAN = 'JF-0000001'

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  ;({ code, grantId } = await subscribableResource(hub, tokens, '00931', ['api', 'subscription', 'file']))
  await holdContributions(hub.database.db, 8)
  // The objection names the record as a fetch did: by its sealed reference, never by the key.
  const reference = recordReference(Buffer.from(hub.app.config.audit.subjectKey!))(code, DISPUTED)
  const [row] = await hub.database
    .db('objections')
    .insert({
      target_type: 'record',
      resource_code: code,
      source_adapter: 'hrss',
      record_kind: 'social-insurance-contribution',
      record_id: reference,
      fetch_request_id: 'req-1',
      provider_department: 'lf-hrss',
      objector_department: 'lf-approval',
      raised_by: 'approval-officer',
      items: ['jfjs'],
      description: '缴费基数有误',
      observed_values: JSON.stringify({ jfjs: '5000.00' }),
      share_type: 'conditional',
      status: 'open',
      answer_deadline: new Date(Date.now() + 86_400_000),
    })
    .returning('id')
  objectionId = String(row.id)
})

const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` })

async function subscribe(body: object): Promise<string> {
  const res = await hub.app.inject({
    method: 'POST',
    url: '/v1/subscriptions',
    headers: as('consumer'),
    payload: { resourceCode: code, grantId, ...body },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}

const resolve = (status: string) =>
  hub.database.db('objections').where({ id: objectionId }).update({ status, closed_at: new Date() })

describe('dataset subscriptions of a disputed record', () => {
  it('mark the record in the front-end table while disputed, and not after the objection is closed', async () => {
    await hub.database.db('objections').where({ id: objectionId }).update({ status: 'open' })
    const id = await subscribe({
      target: 'table',
      table: { connection: frontEnd.url, schema: 'qzk', name: 'jf_disputes' },
    })
    while ((await hub.app.subscriptions.deliverer.deliverBatch(id)).outcome === 'delivered');
    const marks = async () =>
      Object.fromEntries(
        (
          (await frontEnd.db('qzk.jf_disputes').whereIn('record_id', [DISPUTED, CLEAN]).select()) as {
            record_id: string
            objection_id: string | null
          }[]
        ).map((r) => [r.record_id, r.objection_id]),
      )
    expect(await marks()).toEqual({ [DISPUTED]: objectionId, [CLEAN]: null })

    // Corrected and accepted: the correction is the next delivery of the record, and it has no mark.
    await resolve('closed')
    await changeContributions(hub.database.db, 0, 1, '6000.00')
    expect((await hub.app.subscriptions.deliverer.deliverBatch(id)).records).toBe(1)
    expect(await marks()).toEqual({ [DISPUTED]: null, [CLEAN]: null })
    const corrected = await frontEnd.db('qzk.jf_disputes').where({ record_id: DISPUTED }).first('items')
    expect(corrected.items.jfjs).toBe('6000.00')
  })

  it('adds the column to a front-end table made before the mark existed, and marks the record there', async () => {
    await frontEnd.db.raw('create schema if not exists old')
    await frontEnd.db.raw(`create table old.jf (record_id text primary key, items jsonb not null,
      position bigint not null, subscription_id uuid not null, delivered_at timestamptz not null default now())`)
    await frontEnd.db.raw(`create table old.jf_position (subscription_id uuid primary key,
      position bigint not null, updated_at timestamptz not null default now())`)
    await resolve('open')
    const id = await subscribe({
      target: 'table',
      table: { connection: frontEnd.url, schema: 'old', name: 'jf' },
    })
    while ((await hub.app.subscriptions.deliverer.deliverBatch(id)).outcome === 'delivered');
    const row = await frontEnd.db('old.jf').where({ record_id: DISPUTED }).first('objection_id', 'items')
    expect(row).toMatchObject({
      objection_id: objectionId,
      items: expect.objectContaining({ jfjs: '6000.00' }),
    })
  })

  it('carry disputed and the objection id in the Kafka record while disputed, and nothing otherwise', async () => {
    const published: { payload: unknown }[] = []
    const target = new KafkaTarget({
      publishStream: async (_topic, _type, messages) =>
        void published.push(...messages.map((m) => ({ payload: JSON.parse(m.value ?? 'null') }))),
    })
    const subscription = {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      resource_code: code,
      topic: 'records.x',
    }
    await target.deliver({
      subscription: subscription as never,
      grantId,
      position: '2',
      records: [
        { recordId: DISPUTED, position: '1', items: { jfjs: '5000.00' }, objectionId },
        { recordId: CLEAN, position: '2', items: { jfjs: '5000.00' } },
      ],
    })
    expect(published[0]!.payload).toMatchObject({ recordId: DISPUTED, disputed: true, objectionId })
    expect(published[1]!.payload).not.toHaveProperty('disputed')
    expect(published[1]!.payload).not.toHaveProperty('objectionId')
  })

  it('mark the record in file snapshots (NDJSON and the last CSV column) while disputed', async () => {
    await resolve('rejected')
    const id = await subscribe({ target: 'file' })
    const made = await hub.app.inject({
      method: 'POST',
      url: `/v1/subscriptions/${id}/files`,
      headers: as('consumer'),
    })
    expect(made.statusCode, made.body).toBe(201)
    const file = async (name: string) =>
      (
        await hub.app.inject({
          method: 'GET',
          url: `/v1/subscriptions/${id}/files/${made.json().id}/${name}`,
          headers: as('consumer'),
        })
      ).body
    const lines = (await file('data.ndjson'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.find((l) => l.recordId === DISPUTED)).toMatchObject({ disputed: true, objectionId })
    expect(lines.find((l) => l.recordId === CLEAN)).not.toHaveProperty('disputed')
    const csv = (await file('data.csv')).split('\r\n')
    expect(csv[0]).toBe('\uFEFFrecord_id,position,gmsfhm,xm,jfjs,objection_id')
    expect(csv.find((l) => l.startsWith(`${DISPUTED},`))!.endsWith(`,${objectionId}`)).toBe(true)
    expect(csv.find((l) => l.startsWith(`${CLEAN},`))!.endsWith(',')).toBe(true)
  })
})
