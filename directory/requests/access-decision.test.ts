import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { asSubject, can, permittedItems } from '../../policies/ability.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { GrantService } from '../grants/grant-service.ts'
import { AccessDecisionService } from './access-decision-service.ts'
import {
  accessDraft,
  accessWriteCounts,
  PRINCIPALS,
  publishResource,
  requestBody,
  tokensFor,
  type Who,
} from './access-test-support.ts'

const hub = useTestApp()
let tokens: Record<Who, string>
let code: string
let resourceId: string

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  code = await publishResource(hub, tokens, accessDraft('20001', 'conditional'))
  resourceId = String((await hub.database.db('resources').where({ code }).first()).id)
})

const call = (method: 'GET' | 'POST', url: string, who: Who, payload?: unknown) =>
  hub.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })

const file = async (overrides: Record<string, unknown> = {}) => {
  const res = await call(
    'POST',
    '/v1/access-requests',
    'consumer',
    requestBody(code, { items: ['gmsfhm', 'xm', 'sjhm'], ...overrides }),
  )
  expect(res.statusCode).toBe(201)
  return res.json() as { id: string; period: { from: string; to: string } }
}
const principal = (who: Who): Principal => ({
  ...PRINCIPALS[who],
  roles: [...PRINCIPALS[who].roles],
  district: null,
})
const record = (extra: Record<string, unknown> = {}) =>
  asSubject('Record', {
    resourceId,
    version: 1,
    purposeCode: 'administrative-basis',
    district: '141002',
    ...extra,
  })

describe('deciding', () => {
  it('rejects decisions from the wrong department, broader approvals and reasonless refusals, writing nothing', async () => {
    const { id, period } = await file()
    const before = await accessWriteCounts(hub.database.db)
    const wrong = await call('POST', `/v1/access-requests/${id}/decision`, 'otherSteward', {
      outcome: 'approve',
    })
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json().code).toBe('not-provider-steward')
    expect(
      (await call('POST', `/v1/access-requests/${id}/decision`, 'consumer', { outcome: 'approve' }))
        .statusCode,
    ).toBe(403)

    const broader = await call('POST', `/v1/access-requests/${id}/decision`, 'steward', {
      outcome: 'approve',
      items: ['gmsfhm', 'xm', 'extra'],
      period: { from: period.from, to: '2099-12-31' },
    })
    expect(broader.statusCode).toBe(400)
    expect(broader.json().code).toBe('approval-broader-than-request')
    expect(broader.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/items/2',
      '/body/period/to',
    ])
    const capped = await call('POST', `/v1/access-requests/${id}/decision`, 'steward', {
      outcome: 'approve',
      dailyVolumeCap: 501,
    })
    expect(capped.json().code).toBe('approval-broader-than-request')

    const reasonless = await call('POST', `/v1/access-requests/${id}/decision`, 'steward', {
      outcome: 'refuse',
    })
    expect(reasonless.statusCode).toBe(400)
    expect(reasonless.json().code).toBe('refusal-reason-required')
    expect(await accessWriteCounts(hub.database.db)).toEqual(before)

    const refused = await call('POST', `/v1/access-requests/${id}/decision`, 'steward', {
      outcome: 'refuse',
      reason: '用途与职责不符',
    })
    expect(refused.json()).toMatchObject({
      status: 'refused',
      decisionReason: '用途与职责不符',
      decidedBy: 'hrss-steward',
    })
    const again = await call('POST', `/v1/access-requests/${id}/decision`, 'steward', { outcome: 'approve' })
    expect(again.statusCode).toBe(409)
  })

  it('approves with fewer items, conditions, masking and limits, and the grant compiles into the ability at once', async () => {
    const { id } = await file()
    const before = await hub.app.abilities.forPrincipal(principal('clerk'))
    expect(can(before.ability, 'fetch', record())).toBe(false)

    const approved = await call('POST', `/v1/access-requests/${id}/decision`, 'steward', {
      outcome: 'approve',
      items: ['gmsfhm', 'xm'],
      rowConditions: { districtIn: ['141002', '141021'] },
      masking: { gmsfhm: 'resident-id', xm: 'name' },
      rateLimitPerMinute: 60,
      dailyVolumeCap: 200,
    })
    expect(approved.statusCode).toBe(200)
    const grantId = approved.json().grantId
    const grant = (await call('GET', `/v1/grants/${grantId}`, 'steward')).json()
    expect(grant).toMatchObject({
      items: ['gmsfhm', 'xm'],
      rowConditions: { districtIn: ['141002', '141021'] },
      masking: { gmsfhm: 'resident-id', xm: 'name' },
      rateLimitPerMinute: 60,
      dailyVolumeCap: 200,
      purposeCode: 'administrative-basis',
      status: 'active',
    })

    const after = await hub.app.abilities.forPrincipal(principal('clerk'))
    expect(can(after.ability, 'fetch', record())).toBe(true)
    expect(can(after.ability, 'fetch', record(), 'sjhm')).toBe(false)
    expect(can(after.ability, 'fetch', record({ district: '141081' }))).toBe(false)
    expect(can(after.ability, 'fetch', record({ purposeCode: 'business-collaboration' }))).toBe(false)
    expect(permittedItems(after.ability, record(), ['gmsfhm', 'xm', 'sjhm'])).toEqual(['gmsfhm', 'xm'])
    // Another department holds nothing.
    const other = await hub.app.abilities.forPrincipal(principal('otherConsumer'))
    expect(can(other.ability, 'fetch', record())).toBe(false)

    const revoked = await call('POST', `/v1/grants/${grantId}/revoke`, 'steward', {
      reason: '发现超范围使用',
    })
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      revokeReason: '发现超范围使用',
      revokedBy: 'hrss-steward',
    })
    // The very next authorization of the same principal no longer allows it.
    const afterRevoke = await hub.app.abilities.forPrincipal(principal('clerk'))
    expect(can(afterRevoke.ability, 'fetch', record())).toBe(false)

    const timeline = (await call('GET', `/v1/access-requests/${id}/timeline`, 'consumer')).json()
    expect(timeline.entries.map((e: { type: string }) => e.type)).toEqual([
      'access.requested',
      'access.granted',
      'grant.revoked',
    ])
    const events = await hub.database.db('outbox').where({ topic: 'access-events', key: id }).orderBy('id')
    expect(events.map((e) => e.type)).toEqual(['access.requested', 'access.granted', 'grant.revoked'])
    expect(
      (await call('POST', `/v1/grants/${grantId}/revoke`, 'steward', { reason: 'again' })).statusCode,
    ).toBe(409)
  })
})

describe('grants', () => {
  it('only the provider revokes (with a reason) and renews within a year', async () => {
    const { id } = await file()
    const grantId = (
      await call('POST', `/v1/access-requests/${id}/decision`, 'steward', { outcome: 'approve' })
    ).json().grantId
    expect(
      (await call('POST', `/v1/grants/${grantId}/revoke`, 'otherSteward', { reason: 'x' })).statusCode,
    ).toBe(404)
    expect((await call('POST', `/v1/grants/${grantId}/revoke`, 'steward', {})).statusCode).toBe(400)
    const far = await call('POST', `/v1/grants/${grantId}/renew`, 'steward', { until: '2099-01-01' })
    expect(far.json().code).toBe('renewal-out-of-policy')
    const until = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10)
    const renewed = await call('POST', `/v1/grants/${grantId}/renew`, 'steward', { until })
    expect(renewed.statusCode).toBe(200)
    expect(Date.parse(renewed.json().validUntil)).toBeGreaterThan(Date.now() + 199 * 86_400_000)

    const held = (await call('GET', '/v1/grants?view=held', 'consumer')).json()
    expect(held.items.map((g: { id: string }) => g.id)).toContain(grantId)
    const given = (await call('GET', '/v1/grants?view=given&status=active', 'steward')).json()
    expect(given.items.map((g: { id: string }) => g.id)).toContain(grantId)
    expect((await call('GET', '/v1/grants', 'otherConsumer')).json().items).toEqual([])
    await call('POST', `/v1/grants/${grantId}/revoke`, 'steward', { reason: '测试结束' })
  })

  it('expires ended grants and stops using them even before the job ran', async () => {
    const { id } = await file()
    const grantId = (
      await call('POST', `/v1/access-requests/${id}/decision`, 'steward', { outcome: 'approve' })
    ).json().grantId
    const future = new Date(Date.now() + 400 * 86_400_000)
    const grants = new GrantService(hub.database.db, () => future)
    expect(await grants.expireEnded()).toBeGreaterThanOrEqual(1)
    expect((await call('GET', `/v1/grants/${grantId}`, 'consumer')).json().status).toBe('expired')
    const timeline = (await call('GET', `/v1/access-requests/${id}/timeline`, 'consumer')).json()
    expect(timeline.entries.at(-1)).toMatchObject({ type: 'grant.expired', actor: 'hub' })
  })
})

describe('listings and deadlines', () => {
  it('shows requesters their own, stewards what awaits them, reviewers what is overdue — and escalates it once', async () => {
    const { id } = await file()
    const mine = (await call('GET', '/v1/access-requests?view=mine&limit=2', 'consumer')).json()
    expect(mine.items[0].id).toBe(id)
    expect(mine.nextCursor).not.toBeNull()
    const page2 = (
      await call('GET', `/v1/access-requests?view=mine&limit=2&cursor=${mine.nextCursor}`, 'consumer')
    ).json()
    expect(page2.items.map((r: { id: string }) => r.id)).not.toContain(id)
    expect(Number(page2.items[0].id)).toBeLessThan(Number(mine.items[1].id))

    const toDecide = (await call('GET', '/v1/access-requests?view=to-decide', 'steward')).json()
    expect(toDecide.items.map((r: { id: string }) => r.id)).toEqual([id])
    expect((await call('GET', '/v1/access-requests?view=to-decide', 'otherSteward')).json().items).toEqual([])
    expect((await call('GET', `/v1/access-requests/${id}`, 'otherConsumer')).statusCode).toBe(404)
    expect((await call('GET', '/v1/access-requests?view=overdue', 'reviewer')).json().items).toEqual([])

    // Fast-forward past the deadline: the listing flags it, the job escalates it exactly once.
    await hub.database
      .db('access_requests')
      .where({ id })
      .update({ decision_deadline: new Date(Date.now() - 1000) })
    const overdue = (await call('GET', '/v1/access-requests?view=overdue', 'reviewer')).json()
    expect(overdue.items).toHaveLength(1)
    expect(overdue.items[0]).toMatchObject({ id, overdue: true })
    const service = new AccessDecisionService(hub.database.db, new GrantService(hub.database.db))
    expect(await service.escalateOverdue()).toBe(1)
    expect(await service.escalateOverdue()).toBe(0)
    const events = await hub.database.db('outbox').where({ key: id, type: 'access.overdue' })
    expect(events).toHaveLength(1)
  })

  it('rejects a cursor it did not make', async () => {
    const res = await call('GET', '/v1/access-requests?cursor=bogus', 'consumer')
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('invalid-cursor')
  })
})
