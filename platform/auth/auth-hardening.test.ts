import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'

/** The auth hook with the department check on, as in production. */
const hub = useTestApp({ env: { AUTH_REQUIRE_KNOWN_DEPARTMENT: 'true' } })

async function whoami(authorization: string) {
  return hub.app.inject({ method: 'GET', url: '/v1/whoami', headers: { authorization } })
}

describe('authentication holds tokens tight', () => {
  it('refuses a token for a department the hub does not know, accepts one it does', async () => {
    const unknown = await whoami(`Bearer ${await hub.token({ roles: ['clerk'], department: 'lf-nowhere' })}`)
    expect(unknown.statusCode).toBe(401)
    expect(unknown.json().code).toBe('token-department-unknown')
    await hub.database.db('departments').insert({
      code: 'lf-known',
      name: '已知部门',
      level: 'city',
      division_code: '141000',
    })
    const known = await whoami(`Bearer ${await hub.token({ roles: ['clerk'], department: 'lf-known' })}`)
    expect(known.statusCode).toBe(200)
  })

  it('takes the Bearer scheme in any case (RFC 7235)', async () => {
    const token = await hub.token({ roles: ['citizen'], department: null })
    expect((await whoami(`bearer ${token}`)).statusCode).toBe(200)
    expect((await whoami(`BEARER ${token}`)).statusCode).toBe(200)
  })
})
