import { describe, expect, it } from 'vitest'
import { hasMappedClaims, principalFromClaims } from './oidc-claims.ts'

const HUB_NAMES = { department: 'dept', roles: 'roles', district: 'district' }

describe('mapping an identity provider’s claims to a principal', () => {
  it('reads the configured claims, keeps only roles the hub knows, and names the person', () => {
    const principal = principalFromClaims(
      {
        sub: 'u-1',
        dept: 'lf-hrss',
        district: '141000',
        roles: ['steward', 'offline_access', 'default-roles-hub', 'steward', 'service'],
        name: '人社局数据管理员',
        preferred_username: 'steward-hrss',
      },
      HUB_NAMES,
    )
    expect(principal).toEqual({
      subject: 'u-1',
      department: 'lf-hrss',
      roles: ['steward'],
      district: '141000',
      displayName: '人社局数据管理员',
    })
  })

  it('follows dotted paths into nested claims, and takes space-separated role lists', () => {
    const names = { department: 'org.code', roles: 'realm_access.roles', district: 'addr.division' }
    const claims = {
      sub: 'u-2',
      org: { code: 'lf-bigdata' },
      realm_access: { roles: ['reviewer', 'uma_authorization'] },
      addr: { division: ['141002'] },
      preferred_username: 'reviewer-1',
    }
    expect(principalFromClaims(claims, names)).toEqual({
      subject: 'u-2',
      department: 'lf-bigdata',
      roles: ['reviewer'],
      district: '141002',
      displayName: 'reviewer-1',
    })
    expect(
      principalFromClaims({ sub: 'u-3', groups: 'auditor admin' }, { ...names, roles: 'groups' }).roles,
    ).toEqual(['auditor', 'admin'])
  })

  it('leaves department and district empty for a citizen, and says when userinfo is needed', () => {
    const citizen = principalFromClaims({ sub: 'c-1', roles: ['citizen'] }, HUB_NAMES)
    expect(citizen).toEqual({ subject: 'c-1', department: null, roles: ['citizen'], district: null })
    expect(hasMappedClaims({ sub: 'c-1', roles: [] }, HUB_NAMES)).toBe(false)
    expect(hasMappedClaims({ sub: 'c-1', roles: [], dept: null, district: null }, HUB_NAMES)).toBe(true)
    expect(() => principalFromClaims({ roles: ['clerk'] }, HUB_NAMES)).toThrow('no subject')
  })

  it("keeps a citizen's valid resident ID (idNumber) and drops an invalid one or an officer's", () => {
    const id = '141002198104108245'
    expect(principalFromClaims({ sub: 'c-2', roles: ['citizen'], idNumber: id }, HUB_NAMES).idNumber).toBe(id)
    const bad = principalFromClaims(
      { sub: 'c-3', roles: ['citizen'], idNumber: '141002198104108240' },
      HUB_NAMES,
    )
    expect(bad.idNumber).toBeUndefined()
    const officer = principalFromClaims({ sub: 'o-1', roles: ['clerk'], idNumber: id }, HUB_NAMES)
    expect(officer.idNumber).toBeUndefined()
  })
})
