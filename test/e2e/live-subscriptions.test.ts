import { createHash, randomBytes } from 'node:crypto'
import { compactVerify, importJWK } from 'jose'
import rdkafka, { type Message } from 'node-rdkafka'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  HOUSING_FUND_DEMO_TOKEN,
  startSimulator as startHousingFund,
} from '../../adapters/housing-fund/housing-fund-simulator.ts'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import type { RunningSimulator } from '../../adapters/simulator-kit/simulator-server.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import {
  GRANTED_DISTRICTS,
  subscribableResource,
  TEST_KEK,
  useFrontEndDatabase,
} from '../../exchange/subscriptions/subscription-test-support.ts'
import { useTestApp } from '../support/test-app.ts'

// Issue 17, live sources: a resource the hub does not hold (住房公积金 accounts, served live by the
// housing-fund system) is subscribed to; the hub pages through the provider (the simulator's
// GRZHLB listing) and the department's own table, its Kafka topic and its files receive exactly the
// granted districts, masked, logged under the subjects' audit HMAC. An account the centre no longer
// lists leaves the table and ends as a tombstone on the topic; a record the table refused is set
// aside and, replayed, reaches it. Changes between passes in detail: live-source.test.ts.

/** Accounts (个人账号) the centre's listing leaves out from now on: deleted at the provider. */
const gone = new Set<string>()
let centre: RunningSimulator
beforeAll(async () => {
  centre = await startHousingFund({ accounts: (all) => all.filter((a) => !gone.has(a.个人账号)) })
})
afterAll(async () => {
  await centre.close()
})

const hub = useTestApp({
  env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK },
  simulators: true,
  adapterEnv: () => ({
    ADAPTER_HOUSING_FUND_URL: centre.url,
    ADAPTER_HOUSING_FUND_TOKEN: HOUSING_FUND_DEMO_TOKEN,
  }),
})
const frontEnd = useFrontEndDatabase()
let tokens: Record<Who, string>
let code: string
let grantId: string
let tableSub: string

const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` })
const call = (method: 'GET' | 'POST', url: string, payload?: object, who: Who = 'consumer') =>
  hub.app.inject({ method, url, headers: as(who), ...(payload ? { payload } : {}) })
const district = (id: string) => id.slice(0, 6)
/** The people in the granted districts, in 个人账号 order as the centre lists them. */
const granted = demoWorld().people.filter((p) => GRANTED_DISTRICTS.includes(district(p.residentId)))

/** What 5 minutes between passes would do: every live subscription starts its next pass now. */
const nextPass = () =>
  hub.database.db('subscriptions').where({ source: 'live' }).update({ live_pass_ended_at: null })

async function tableRows(name: string) {
  return (await frontEnd.db.raw(`select record_id, items, position from qzk.${name} order by record_id`))
    .rows as { record_id: string; items: Record<string, string>; position: string }[]
}

function expectGranted(items: Record<string, unknown>) {
  // The kind has no 缴费基数 (jfjs): of the granted items, those it has, masked.
  expect(Object.keys(items).sort()).toEqual(['gmsfhm', 'xm'])
  expect(GRANTED_DISTRICTS).toContain(String(items.gmsfhm).slice(0, 6))
  expect(items.gmsfhm).toMatch(/^\d{6}\*{8}[\dX]{4}$/)
  expect(items.xm).toMatch(/\*/)
}

/** Every message on a topic from the beginning, read with a plain Kafka consumer (raw keys and values). */
async function readTopic(topic: string, until: (messages: Message[]) => boolean): Promise<Message[]> {
  const consumer = new rdkafka.KafkaConsumer(
    {
      'metadata.broker.list': inject('kafkaBrokers'),
      'group.id': `test-live-${randomBytes(4).toString('hex')}`,
      'enable.auto.commit': false,
    },
    { 'auto.offset.reset': 'earliest' },
  )
  await new Promise<void>((resolve, reject) =>
    consumer.connect({ timeout: 10_000 }, (error) => (error ? reject(error) : resolve())),
  )
  const messages: Message[] = []
  try {
    consumer.subscribe([topic])
    const end = Date.now() + 30_000
    while (!until(messages)) {
      if (Date.now() > end) throw new Error(`timed out reading ${topic}: ${messages.length} messages`)
      messages.push(
        ...(await new Promise<Message[]>((resolve, reject) =>
          consumer.consume(100, (error, batch) => (error ? reject(error) : resolve(batch))),
        )),
      )
    }
    return messages
  } finally {
    await new Promise<void>((resolve) => consumer.disconnect(() => resolve()))
  }
}

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  ;({ code, grantId } = await subscribableResource(hub, tokens, '00931', ['api', 'subscription', 'file']))
  await hub.database
    .db('resource_sources')
    .where({ resource_code: code })
    .update({ adapter: 'housing-fund', record_kind: 'housing-fund-account', hub_held: false })
}, 120_000)

describe('a subscription to a live resource', () => {
  it('takes the snapshot from the provider’s pages into the department’s table, through the grant', async () => {
    const res = await call('POST', '/v1/subscriptions', {
      resourceCode: code,
      grantId,
      target: 'table',
      table: { connection: frontEnd.url, schema: 'qzk', name: 'gjj_zh' },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().source).toBe('live')
    tableSub = res.json().id as string
    await hub.app.subscriptions.runner.drain()

    const rows = await tableRows('gjj_zh')
    expect(rows).toHaveLength(granted.length)
    for (const row of rows) expectGranted(row.items)
    const view = (await call('GET', `/v1/subscriptions/${tableSub}`)).json()
    expect(view).toMatchObject({
      status: 'active',
      delivered: granted.length,
      position: String(granted.length),
    })
    const logged = await hub.database.db('subscription_deliveries').where({ subscription_id: tableSub })
    expect(logged).toHaveLength(granted.length)
    expect(logged.map((l) => l.subject_hash)).toContain(
      hub.app.audit.writer.subjectHash(granted[0]!.residentId),
    )
  })

  it('makes a file snapshot by paging through the provider: granted districts, masked, signed manifest', async () => {
    const created = await call('POST', '/v1/subscriptions', { resourceCode: code, grantId, target: 'file' })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json().source).toBe('live')
    const fileSub = created.json().id as string
    const made = await call('POST', `/v1/subscriptions/${fileSub}/files`)
    expect(made.statusCode, made.body).toBe(201)
    const { id, manifest, signature } = made.json()
    expect(manifest).toMatchObject({
      grantId,
      subscriptionId: fileSub,
      source: 'live',
      // The subscription's own counter: its records took positions 1…n.
      asOfPosition: String(granted.length),
      items: ['gmsfhm', 'xm', 'jfjs'],
      readStartedAt: expect.any(String),
    })
    expect(Date.parse(manifest.readStartedAt)).toBeLessThanOrEqual(Date.parse(manifest.generatedAt))
    const jwk = (await hub.app.inject({ url: '/v1/audit/checkpoint-keys' })).json().keys[0]
    const { payload, protectedHeader } = await compactVerify(signature, await importJWK(jwk, 'ES256'))
    expect(protectedHeader.typ).toBe('hub-subscription-manifest+jws')
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(manifest)

    for (const file of manifest.files) {
      const res = await call('GET', `/v1/subscriptions/${fileSub}/files/${id}/${file.name}`)
      expect(res.statusCode).toBe(200)
      expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(file.sha256)
      expect(file.rows).toBe(granted.length)
      if (file.name === 'data.csv') {
        expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
        // (not trim(): it would take the BOM too)
        const [header, ...lines] = res.body.replace(/\r\n$/, '').split('\r\n')
        expect(header).toBe('\uFEFFrecord_id,position,gmsfhm,xm,jfjs,objection_id')
        expect(lines).toHaveLength(granted.length)
        for (const line of lines) expect(GRANTED_DISTRICTS).toContain(line.split(',')[2]!.slice(0, 6))
      } else {
        const lines = res.body
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
        expect(lines.map((l) => l.position)).toEqual(granted.map((_, i) => String(i + 1)))
        for (const line of lines) expectGranted(line.items)
      }
    }

    // The auditor and the citizen see the department received her record by file too.
    const someone = granted[0]!.residentId
    const asAuditor = await call(
      'POST',
      '/v1/audit/subscription-recipients/search',
      { subjectId: someone },
      'auditor',
    )
    expect(asAuditor.statusCode, asAuditor.body).toBe(200)
    expect(
      asAuditor
        .json()
        .items.map((i: { subscriptionId: string }) => i.subscriptionId)
        .sort(),
    ).toEqual([tableSub, fileSub].sort())
    const citizen = await hub.token({ roles: ['citizen'], subject: someone, department: null })
    const mine = await hub.app.inject({
      url: '/v1/audit/my-subscription-recipients',
      headers: { authorization: `Bearer ${citizen}` },
    })
    expect(mine.json().items).toEqual(asAuditor.json().items)
    const audit = await hub.database
      .db('audit_records')
      .where({ action: 'exchange.subscription.file', outcome: 'allowed' })
      .first()
    expect(audit).toMatchObject({ department: 'lf-approval', grant_id: grantId })
  })

  it('delivers an account the centre no longer lists as a deleted row and a tombstone on the topic', async () => {
    const kafka = await call('POST', '/v1/subscriptions', {
      resourceCode: code,
      grantId,
      target: 'kafka',
      topic: `records.lf-approval.gjj${randomBytes(3).toString('hex')}`,
    })
    expect(kafka.statusCode, kafka.body).toBe(201)
    const topic = kafka.json().topic as string
    await hub.app.subscriptions.runner.drain()

    const account = (await tableRows('gjj_zh'))[1]!.record_id
    expect(account).toMatch(/^\d+$/)
    gone.add(account)
    await nextPass()
    await hub.app.subscriptions.runner.drain()

    const rows = await tableRows('gjj_zh')
    expect(rows.map((r) => r.record_id)).not.toContain(account)
    expect(rows).toHaveLength(granted.length - 1)

    const messages = await readTopic(topic, (m) => m.some((x) => x.key?.toString() === account && !x.value))
    const ofAccount = messages.filter((m) => m.key?.toString() === account)
    expect(
      ofAccount.map((m) => (m.value === null ? null : (JSON.parse(m.value.toString()).deleted ?? false))),
    ).toEqual([false, true, null])
    const deletion = JSON.parse(ofAccount[1]!.value!.toString())
    expect(deletion).toMatchObject({ recordId: account, items: {}, deleted: true, grantId })
    expect(messages.filter((m) => m.value !== null)).toHaveLength(granted.length + 1)
    // Deleted records carry no data about anyone: only the deliveries of items are logged.
    const logged = await hub.database
      .db('subscription_deliveries')
      .where({ subscription_id: kafka.json().id })
    expect(logged).toHaveLength(granted.length)

    // A file made now lists what the centre lists now.
    const fileSub = (await call('GET', '/v1/subscriptions'))
      .json()
      .items.find((s: { target: string }) => s.target === 'file')
    const made = (await call('POST', `/v1/subscriptions/${fileSub.id}/files`)).json()
    expect(made.manifest.files[0].rows).toBe(granted.length - 1)
  })

  it('sets aside a record the department’s table refuses, and a replay brings it there', async () => {
    const res = await call('POST', '/v1/subscriptions', {
      resourceCode: code,
      grantId,
      target: 'table',
      table: { connection: frontEnd.url, schema: 'qzk', name: 'gjj_dl' },
    })
    expect(res.statusCode, res.body).toBe(201)
    const id = res.json().id as string
    const poison = (await tableRows('gjj_zh'))[2]!.record_id
    // The department's database refuses this one row (a constraint of its own).
    await frontEnd.db.raw(
      `alter table qzk.gjj_dl add constraint gjj_dl_refuse check (record_id <> '${poison}')`,
    )
    const runner = hub.app.subscriptions.runner
    let letters: { recordId: string; error: string }[] = []
    for (let i = 0; i < 60 && letters.length === 0; i++) {
      await runner.cycle()
      await new Promise((r) => setTimeout(r, 200))
      letters = (await call('GET', `/v1/subscriptions/${id}/dead-letters`)).json().items
    }
    expect(letters).toEqual([
      expect.objectContaining({ recordId: poison, error: expect.stringContaining('gjj_dl_refuse') }),
    ])
    await runner.drain()
    const held = (await tableRows('gjj_dl')).map((r) => r.record_id)
    expect(held).toHaveLength(granted.length - 2) // less the account gone, less the refused one
    expect(held).not.toContain(poison)
    // Not counted as held: the hub's reconciliation matches the table's copy, without the record.
    const recon = (await call('GET', `/v1/subscriptions/${id}/reconciliation`)).json()
    expect(recon.eligible).toBe(granted.length - 2)
    const copy = (await tableRows('gjj_dl')).map((r) => `${r.record_id}\t${r.position}\n`).join('')
    expect(recon.checksum).toBe(createHash('sha256').update(copy).digest('hex'))
    // …nor sent (and refused) again by the next pass while it is unchanged.
    await nextPass()
    await runner.drain()
    expect((await call('GET', `/v1/subscriptions/${id}/dead-letters`)).json().items).toHaveLength(1)

    await frontEnd.db.raw('alter table qzk.gjj_dl drop constraint gjj_dl_refuse')
    const replay = await call('POST', `/v1/subscriptions/${id}/dead-letters/replay`)
    expect(replay.statusCode, replay.body).toBe(200)
    expect(replay.json()).toEqual({ replayed: 0, remaining: 0, requeued: 1 })
    await runner.drain()
    const rows = await tableRows('gjj_dl')
    const back = rows.find((r) => r.record_id === poison)
    expect(back).toBeDefined()
    expectGranted(back!.items)
    expect((await call('GET', `/v1/subscriptions/${id}/dead-letters`)).json().items).toEqual([])
    expect((await call('GET', `/v1/subscriptions/${id}`)).json().delivered).toBe(granted.length - 1)
    const logged = await hub.database
      .db('subscription_deliveries')
      .where({ subscription_id: id, record_id: poison })
    expect(logged).toHaveLength(1)
  })
})
