import { describe, expect, it } from 'vitest'
import { useTestApp } from '../test/support/test-app.ts'

const hub = useTestApp()

async function deniedRecords(subject: string): Promise<{ action: string; reason: string }[]> {
  return hub.database
    .db('audit_records')
    .where({ principal: subject, outcome: 'denied' })
    .select('action', 'reason')
}

describe('the trail checks the role before validating input', () => {
  it('a clerk with a malformed query gets 403, and the attempt is recorded', async () => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/audit/records?limit=not-a-number&colour=red',
      headers: { authorization: `Bearer ${await hub.token({ roles: ['clerk'], subject: 'nosy-clerk' })}` },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('role-required')
    expect(await deniedRecords('nosy-clerk')).toEqual([{ action: 'audit.search', reason: 'role-required' }])
  })

  it('an auditor with the same malformed query gets the 400 listing the fields', async () => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/audit/records?limit=not-a-number&colour=red',
      headers: { authorization: `Bearer ${await hub.token({ roles: ['auditor'], subject: 'auditor-1' })}` },
    })
    expect(res.statusCode).toBe(400)
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/querystring/colour', '/querystring/limit'])
  })

  it('the public checkpoint keys need no role', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/audit/checkpoint-keys' })
    expect(res.statusCode).toBe(200)
  })
})
