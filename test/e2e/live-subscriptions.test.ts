import { beforeAll, describe, expect, it } from 'vitest'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { KeySealer } from '../../exchange/certificates/key-sealer.ts'
import {
  GRANTED_DISTRICTS,
  subscribableResource,
  TEST_KEK,
  useFrontEndDatabase,
} from '../../exchange/subscriptions/subscription-test-support.ts'
import { TableTarget } from '../../exchange/subscriptions/table-target.ts'
import { useTestApp } from '../support/test-app.ts'

// Issue 17, live sources: a resource the hub does not hold (住房公积金 accounts, served live by the
// housing-fund system) is subscribed to; the hub pages through the provider (the simulator's
// GRZHLB listing) and the department's own table receives exactly the granted districts, masked,
// logged under the subjects' audit HMAC. Changes and deletions between passes: live-source.test.ts.
const hub = useTestApp({ env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK }, simulators: true })
const frontEnd = useFrontEndDatabase()
let tokens: Record<Who, string>
let code: string
let grantId: string

const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` })
const district = (id: string) => id.slice(0, 6)

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
    const files = await hub.app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: as('consumer'),
      payload: { resourceCode: code, grantId, target: 'file' },
    })
    expect(files.statusCode).toBe(400)
    expect(files.json().code).toBe('resource-not-hub-held')

    const res = await hub.app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: as('consumer'),
      payload: {
        resourceCode: code,
        grantId,
        target: 'table',
        table: { connection: frontEnd.url, schema: 'qzk', name: 'gjj_zh' },
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().source).toBe('live')
    const id = res.json().id as string
    await hub.app.subscriptions.runner.drain()

    const people = demoWorld().people.filter((p) => GRANTED_DISTRICTS.includes(district(p.residentId)))
    expect(people.length).toBeGreaterThan(0)
    const rows = (await frontEnd.db.raw('select record_id, items, position from qzk.gjj_zh')).rows as {
      record_id: string
      items: Record<string, string>
      position: string
    }[]
    expect(rows).toHaveLength(people.length)
    for (const row of rows) {
      // The kind has no 缴费基数 (jfjs): of the granted items, those it has, masked.
      expect(Object.keys(row.items).sort()).toEqual(['gmsfhm', 'xm'])
      expect(GRANTED_DISTRICTS).toContain(row.items.gmsfhm!.slice(0, 6))
      expect(row.items.gmsfhm).toMatch(/^\d{6}\*{8}[\dX]{4}$/)
    }
    const view = (await hub.app.inject({ url: `/v1/subscriptions/${id}`, headers: as('consumer') })).json()
    expect(view).toMatchObject({
      status: 'active',
      delivered: people.length,
      position: String(people.length),
    })
    const logged = await hub.database.db('subscription_deliveries').where({ subscription_id: id })
    expect(logged).toHaveLength(people.length)
    const someone = people[0]!.residentId
    expect(logged.map((l) => l.subject_hash)).toContain(hub.app.audit.writer.subjectHash(someone))

    // A record the provider no longer lists leaves the table (the delivery a later pass makes).
    const sub = await hub.database.db('subscriptions').where({ id }).first()
    const table = new TableTarget(async () => KeySealer.fromSecret(TEST_KEK))
    try {
      const gone = rows[0]!.record_id
      await table.deliver({
        subscription: sub,
        grantId,
        position: String(people.length + 1),
        records: [{ recordId: gone, position: String(people.length + 1), items: {}, deleted: true }],
      })
      const left = (await frontEnd.db.raw('select record_id from qzk.gjj_zh')).rows as { record_id: string }[]
      expect(left.map((r) => r.record_id)).not.toContain(gone)
      expect(left).toHaveLength(people.length - 1)
    } finally {
      await table.close()
    }
  })
})
