import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { sampleDraft } from '../../directory/resources/resource-test-support.ts'
import type { ReceivedEvent } from '../../platform/events/event-types.ts'
import { useTestApp } from '../support/test-app.ts'

// A steward registers a resource, a reviewer sends it back and then publishes it, a consumer in
// another department finds it by Chinese keyword and reads it; the events go out through Kafka.
const hub = useTestApp({ env: { KAFKA_TOPIC_PREFIX: `e2e-dir.${randomBytes(4).toString('hex')}.` } })
const received: ReceivedEvent[] = []
const tokens: Record<string, string> = {}

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens.steward = await hub.token({
    roles: ['steward'],
    department: 'lf-realestate',
    subject: 'bdc-steward',
  })
  tokens.reviewer = await hub.token({
    roles: ['reviewer'],
    department: 'lf-bigdata',
    subject: 'bigdata-reviewer',
  })
  tokens.clerk = await hub.token({ roles: ['clerk'], department: 'yd-approval', subject: 'window-7' })
  await hub.app.events.subscribe({
    groupId: `e2e-dir-${randomBytes(4).toString('hex')}`,
    topics: ['directory-events'],
    handler: async (event) => void received.push(event),
  })
  hub.app.events.relay.start()
})

afterAll(async () => {
  await hub.app.events.relay.stop()
})

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
  hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } })

describe('registering, reviewing and finding a resource', () => {
  const draft = sampleDraft('00001', {
    code: { lei: '2', xiang: '09', mu: '001', seq: '00077' },
    provider: 'lf-realestate',
    name: '不动产权属登记信息',
    summary: '不动产权利人、坐落与权属状态 real estate titles',
  })
  const url = '/v1/resources/209001-00077'

  it('goes from registration to a consumer reading the published entry', async () => {
    expect((await call('POST', '/v1/resources', 'steward', draft)).statusCode).toBe(201)
    expect((await call('POST', `${url}/submit`, 'steward')).statusCode).toBe(200)
    const back = await call('POST', `${url}/return`, 'reviewer', { comment: '请补充数据范围' })
    expect(back.json()).toMatchObject({ status: 'draft', reviewComment: '请补充数据范围' })

    const fixed = await call('PUT', url, 'steward', { ...draft, summary: `${draft.summary}（临汾市全域）` })
    expect(fixed.json()).toMatchObject({ version: 1, versionStatus: 'draft' })
    await call('POST', `${url}/submit`, 'steward')
    expect((await call('POST', `${url}/publish`, 'reviewer')).json()).toMatchObject({ status: 'published' })

    const found = await call(
      'GET',
      `/v1/resources?q=${encodeURIComponent('权属登记')}&shareType=conditional&class=thematic`,
      'clerk',
    )
    expect(found.json().items).toEqual([
      expect.objectContaining({ code: '209001/00077', provider: 'lf-realestate', requestable: true }),
    ])
    const read = await call('GET', url, 'clerk')
    expect(read.json().summary).toContain('临汾市全域')
    const cached = await hub.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${tokens.clerk}`, 'if-none-match': read.headers.etag as string },
    })
    expect(cached.statusCode).toBe(304)
  })

  it('publishes each change to Kafka in order, keyed by the resource code', async () => {
    const expected = [
      'resource.created',
      'resource.submitted',
      'resource.returned',
      'resource.updated',
      'resource.submitted',
      'resource.published',
    ]
    // The demo seed published its own resources first; this flow's events are those keyed by its code.
    const ours = () => received.filter((e) => e.key === '209001/00077')
    await vi.waitFor(() => expect(ours().length).toBeGreaterThanOrEqual(expected.length), { timeout: 20_000 })
    expect(ours().map((e) => e.type)).toEqual(expected)
    expect(ours().at(-1)!.payload).toMatchObject({
      status: 'published',
      currentVersion: 1,
      actor: 'bigdata-reviewer',
    })
  })
})
