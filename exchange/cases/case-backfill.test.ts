import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseEvent } from '../../schemas/generated/types.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { accepted, basicInfo, grantCaseData, residentId, seedCaseWorld, step } from './case-test-support.ts'

/** A department granted case data late asks for the events it missed. */

const hub = useTestApp()
const tokens: Record<string, string> = {}
const sourceIds: string[] = []
const since = new Date(Date.now() - 3_600_000).toISOString()

beforeAll(async () => {
  const db = hub.database.db
  await seedCaseWorld(db)
  tokens.hrss = await hub.token({ roles: ['service'], department: 'lf-hrss', subject: 'hrss-system-bf' })
  tokens.approval = await hub.token({
    roles: ['consumer'],
    department: 'lf-approval',
    subject: 'approval-bf',
  })
  tokens.approvalClerk = await hub.token({
    roles: ['clerk'],
    department: 'lf-approval',
    subject: 'window-bf',
  })
  tokens.housing = await hub.token({ roles: ['consumer'], department: 'lf-housing', subject: 'housing-bf' })
  // Recorded before lf-approval holds any grant: routing at commit gave it nothing.
  for (const [n, caseNumber] of ['LF-BF-000001', 'LF-BF-000002'].entries()) {
    for (const change of [accepted(caseNumber, basicInfo({}, 500 + n)), step(caseNumber, 2, 'review')]) {
      const res = await hub.app.inject({
        method: 'POST',
        url: '/v1/cases/changes',
        headers: { authorization: `Bearer ${tokens.hrss}` },
        payload: change,
      })
      expect(res.statusCode, res.body).toBe(201)
      sourceIds.push(res.json().eventId)
    }
  }
  expect(
    Number((await db('outbox').where({ topic: 'case-events.lf-approval' }).count({ n: '*' }))[0]!.n),
  ).toBe(0)
  await grantCaseData(db, 'lf-approval')
  await db('case_webhooks').insert({
    department: 'lf-approval',
    url: 'http://127.0.0.1:9/hook',
    created_by: 'test',
  })
})

const backfill = (body: object, token = tokens.approval!) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/cases/backfill',
    headers: { authorization: `Bearer ${token}` },
    payload: body,
  })

describe('case event back-fill', () => {
  it('sends the missed events as filtered copies, marked backfilled, to the topic and the webhook once', async () => {
    const res = await backfill({ from: since })
    expect(res.statusCode, res.body).toBe(202)
    expect(res.json()).toMatchObject({ from: since, events: 4 })

    const db = hub.database.db
    const copies = (await db('outbox').where({ topic: 'case-events.lf-approval' }).orderBy('id')) as {
      key: string
      payload: CaseEvent & { sourceEventId: string }
    }[]
    expect(copies.map((c) => c.payload.sourceEventId)).toEqual(sourceIds)
    expect(copies.map((c) => [c.key, c.payload.sequence])).toEqual([
      ['LF-BF-000001', 1],
      ['LF-BF-000001', 2],
      ['LF-BF-000002', 1],
      ['LF-BF-000002', 2],
    ])
    expect(copies.every((c) => c.payload.backfilled === true)).toBe(true)
    expect(copies[1]!.payload).toMatchObject({ kind: 'step', status: 'in-review' })
    // The grant does not include applicant IDs: masked, as live routing would have done.
    expect(copies[0]!.payload.applicant.idNumber).not.toBe(residentId(500))
    expect(copies[0]!.payload.applicant.idNumber).toContain('*')

    const deliveries = async () =>
      Number((await db('case_webhook_deliveries').whereIn('event_id', sourceIds).count({ n: '*' }))[0]!.n)
    expect(await deliveries()).toBe(4)
    // Again: the copies go out again (receivers de-duplicate), the webhook gets nothing twice.
    expect((await backfill({ from: since })).json().events).toBe(4)
    expect(await deliveries()).toBe(4)

    const audit = await db('audit_records').where({ action: 'cases.backfill', outcome: 'allowed' }).first()
    expect(audit).toMatchObject({ department: 'lf-approval', resource_id: 'lf-approval' })
  })

  it('refuses a department without a grant and a role that does not consume, audited; and a window over 31 days', async () => {
    const noGrant = await backfill({ from: since }, tokens.housing)
    expect([noGrant.statusCode, noGrant.json().code]).toEqual([403, 'no-case-grant'])
    const clerk = await backfill({ from: since }, tokens.approvalClerk)
    expect([clerk.statusCode, clerk.json().code]).toEqual([403, 'case-backfill-role-required'])
    const denied = await hub.database
      .db('audit_records')
      .where({ action: 'cases.backfill', outcome: 'denied' })
      .pluck('reason')
    expect(denied.sort()).toEqual(['case-backfill-role-required', 'no-case-grant'])

    const wide = await backfill({ from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })
    expect([wide.statusCode, wide.json().code]).toEqual([400, 'invalid-backfill-window'])
  })
})
