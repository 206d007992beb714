import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import {
  accessDraft,
  PRINCIPALS,
  publishResource,
  requestBody,
  tokensFor,
  type Who,
} from '../../directory/requests/access-test-support.ts'
import type { ReceivedEvent } from '../../platform/events/event-types.ts'
import { asSubject, can, grantFor, permittedItems } from '../../policies/ability.ts'
import { maskRecord } from '../../policies/grant-masking.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { useTestApp } from '../support/test-app.ts'

// A consumer asks for conditional data, the provider's steward approves it narrowed and masked, a window
// clerk of the consumer is authorized exactly as the grant says, the steward revokes, and the very next
// authorization denies; every step is on the timeline, in the audit trail and on Kafka in order.
const hub = useTestApp({ env: { KAFKA_TOPIC_PREFIX: `e2e-acc.${randomBytes(4).toString('hex')}.` } })
const received: ReceivedEvent[] = []
let tokens: Record<Who, string>

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  await hub.app.events.subscribe({
    groupId: `e2e-acc-${randomBytes(4).toString('hex')}`,
    topics: ['access-events'],
    handler: async (event) => void received.push(event),
  })
  hub.app.events.relay.start()
})

afterAll(async () => {
  await hub.app.events.relay.stop()
})

const call = (method: 'GET' | 'POST', url: string, who: Who, payload?: object) =>
  hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } })
const clerk: Principal = { ...PRINCIPALS.clerk, roles: ['clerk'], district: null }

describe('request → decide → authorize → revoke', () => {
  it('turns one decision into one enforceable, revocable grant', async () => {
    const code = await publishResource(hub, tokens, accessDraft('30001', 'conditional'))
    const resourceId = String((await hub.database.db('resources').where({ code }).first()).id)
    const filed = await call(
      'POST',
      '/v1/access-requests',
      'consumer',
      requestBody(code, { items: ['gmsfhm', 'xm', 'sjhm'] }),
    )
    expect(filed.statusCode).toBe(201)
    const id = filed.json().id as string

    const waiting = (await call('GET', '/v1/access-requests?view=to-decide', 'steward')).json()
    expect(waiting.items.map((r: { id: string }) => r.id)).toEqual([id])

    const decided = await call('POST', `/v1/access-requests/${id}/decision`, 'steward', {
      outcome: 'approve',
      items: ['gmsfhm', 'xm'],
      masking: { gmsfhm: 'resident-id', xm: 'name' },
      rowConditions: { applicantOfOpenCase: true },
      reason: '限于本部门受理的办件申请人',
    })
    expect(decided.json()).toMatchObject({ status: 'granted' })
    const grantId = decided.json().grantId as string

    // The clerk may fetch the applicant's record of an open case, masked, and nothing else.
    const authz = await hub.app.abilities.forPrincipal(clerk)
    const applicant = asSubject('Record', {
      resourceId,
      version: 1,
      purposeCode: 'administrative-basis',
      applicantOfOpenCase: true,
    })
    const bystander = asSubject('Record', {
      resourceId,
      version: 1,
      purposeCode: 'administrative-basis',
      applicantOfOpenCase: false,
    })
    expect(can(authz, 'fetch', bystander)).toBe(false)
    const items = permittedItems(authz, applicant, ['gmsfhm', 'xm', 'sjhm'])
    expect(items).toEqual(['gmsfhm', 'xm'])
    const grant = grantFor(authz, applicant, 'xm')!
    expect(grant.id).toBe(grantId)
    expect(
      maskRecord({ gmsfhm: '11010519491231002X', xm: '王小明', sjhm: '13812345678' }, items, grant.masking),
    ).toEqual({
      gmsfhm: '110105********002X',
      xm: '王*',
    })

    expect(
      (await call('POST', `/v1/grants/${grantId}/revoke`, 'steward', { reason: '办件已办结' })).statusCode,
    ).toBe(200)
    expect(can(await hub.app.abilities.forPrincipal(clerk), 'fetch', applicant)).toBe(false)

    const timeline = (await call('GET', `/v1/access-requests/${id}/timeline`, 'consumer')).json()
    expect(timeline.entries.map((e: { type: string; actor: string }) => `${e.type} by ${e.actor}`)).toEqual([
      'access.requested by approval-officer',
      'access.granted by hrss-steward',
      'grant.revoked by hrss-steward',
    ])
    const audited = await hub.database
      .db('audit_records')
      .whereIn('action', ['access.request.create', 'access.request.approve', 'access.grant.revoke'])
      .orderBy('id')
    expect(audited.map((r) => r.action)).toEqual([
      'access.request.create',
      'access.request.approve',
      'access.grant.revoke',
    ])

    const expected = ['access.requested', 'access.granted', 'grant.revoked']
    await vi.waitFor(
      () => expect(received.filter((e) => e.key === id).length).toBeGreaterThanOrEqual(expected.length),
      {
        timeout: 20_000,
        interval: 100,
      },
    )
    expect(received.filter((e) => e.key === id).map((e) => e.type)).toEqual(expected)
    expect(received.at(-1)!.payload).toMatchObject({
      requestId: id,
      grantId,
      status: 'revoked',
      reason: '办件已办结',
    })
  })
})
