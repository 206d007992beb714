import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { sampleDraft, url } from './resource-test-support.ts'

const hub = useTestApp()

beforeAll(async () => {
  await seedDemoData(hub.database.db)
})

describe('directory changes in the audit trail', () => {
  it('records who registered, submitted and published a resource, in that order', async () => {
    const steward = await hub.token({ roles: ['steward'], department: 'lf-hrss', subject: 'hrss-steward' })
    const reviewer = await hub.token({ roles: ['reviewer'], department: 'lf-bigdata', subject: 'reviewer-1' })
    const as = (token: string) => ({ authorization: `Bearer ${token}` })
    const created = await hub.app.inject({
      method: 'POST',
      url: '/v1/resources',
      headers: as(steward),
      payload: sampleDraft('00077') as object,
    })
    expect(created.statusCode).toBe(201)
    const code = created.json().code as string
    expect(
      (await hub.app.inject({ method: 'POST', url: url(code, '/submit'), headers: as(steward) })).statusCode,
    ).toBe(200)
    expect(
      (await hub.app.inject({ method: 'POST', url: url(code, '/publish'), headers: as(reviewer) }))
        .statusCode,
    ).toBe(200)

    const records = await hub.database
      .db('audit_records')
      .where({ resource_type: 'resource', resource_id: code })
      .orderBy('id')
      .select('action', 'principal', 'department', 'outcome')
    expect(records).toEqual([
      {
        action: 'directory.resource.created',
        principal: 'hrss-steward',
        department: 'lf-hrss',
        outcome: 'allowed',
      },
      {
        action: 'directory.resource.submitted',
        principal: 'hrss-steward',
        department: 'lf-hrss',
        outcome: 'allowed',
      },
      {
        action: 'directory.resource.published',
        principal: 'reviewer-1',
        department: 'lf-bigdata',
        outcome: 'allowed',
      },
    ])
  })
})
