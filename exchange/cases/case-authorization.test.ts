import { describe, expect, it } from 'vitest'
import { buildAuthorization } from '../../policies/ability.ts'
import {
  type CaseGrant,
  type CaseGrantLookup,
  canIngestCase,
  canListCasesOf,
  caseReadView,
  maskIdentifier,
} from '../../policies/case-policy.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { routedCopy } from './case-distributor.ts'
import { residentId, UNEMPLOYMENT } from './case-test-support.ts'

/** The case decisions of policies/case-policy.ts (asking the CASL rules), with an in-memory grant lookup. */

const principal = (department: string, ...roles: Principal['roles']): Principal => ({
  subject: `${department}-x`,
  department,
  roles,
  district: null,
})
const who = (department: string, ...roles: Principal['roles']) =>
  buildAuthorization(principal(department, ...roles), [], new Date())
/** A case read by a caller of `department`. */
const view = (department: string, role: Principal['roles'][number], grants: CaseGrantLookup) =>
  caseReadView(who(department, role), department, facts, grants)

function lookup(grants: Record<string, CaseGrant & { serviceItems?: string[] }>): CaseGrantLookup {
  return {
    async activeCaseGrant(department, serviceItemCode) {
      const grant = grants[department]
      if (!grant) return null
      if (serviceItemCode && grant.serviceItems && !grant.serviceItems.includes(serviceItemCode)) return null
      return grant
    },
  }
}

const facts = { department: 'lf-hrss', serviceItemCode: UNEMPLOYMENT, divisionCode: '141002' }

describe('case policy', () => {
  it('lets only the handling department push, and only its systems and windows', () => {
    expect(canIngestCase(who('lf-hrss', 'service'), 'lf-hrss')).toEqual({ allowed: true })
    expect(canIngestCase(who('lf-hrss', 'consumer'), 'lf-hrss')).toEqual({
      allowed: false,
      reason: 'case-ingest-role-required',
    })
    expect(canIngestCase(who('lf-hfund', 'clerk'), 'lf-hrss')).toEqual({
      allowed: false,
      reason: 'not-case-department',
    })
  })

  it('gives the handling department everything and a grantee what its grant lists', async () => {
    const grants = lookup({ 'lf-approval': { grantId: '7', items: ['form'] } })
    expect(await view('lf-hrss', 'clerk', grants)).toEqual({
      identifiers: true,
      form: true,
      grantId: null,
    })
    expect(await view('lf-approval', 'clerk', grants)).toEqual({
      identifiers: false,
      form: true,
      grantId: '7',
    })
    expect(await view('lf-housing', 'consumer', grants)).toBeNull()
  })

  it('holds a grant to its districts and service items', async () => {
    const grants = lookup({
      'yd-approval': { grantId: '8', districts: ['141002'] },
      'qw-hrss': { grantId: '9', districts: ['141021'] },
      'lf-housing': { grantId: '10', serviceItems: ['000123004000'] },
    })
    expect(await view('yd-approval', 'clerk', grants)).not.toBeNull()
    expect(await view('qw-hrss', 'consumer', grants)).toBeNull()
    expect(await view('lf-housing', 'consumer', grants)).toBeNull()
  })

  it('lets oversight roles list any department and others only their own', () => {
    expect(canListCasesOf(who('lf-bigdata', 'reviewer'), 'lf-hrss').allowed).toBe(true)
    expect(canListCasesOf(who('lf-hrss', 'clerk'), 'lf-hrss').allowed).toBe(true)
    expect(canListCasesOf(who('lf-hfund', 'clerk'), 'lf-hrss').allowed).toBe(false)
    expect(canListCasesOf(who('lf-hfund', 'auditor'), undefined).allowed).toBe(false)
  })

  it('masks what a routed copy may not carry', () => {
    const id = residentId(42)
    const applicant = { kind: 'person' as const, name: '张三', idType: 'resident-id' as const, idNumber: id }
    const event = {
      caseNumber: 'LF-A-000001',
      sequence: 1,
      kind: 'basic' as const,
      status: 'accepted' as const,
      serviceItemCode: UNEMPLOYMENT,
      serviceItemName: '失业保险金申领',
      department: 'lf-hrss',
      divisionCode: '141002',
      occurredAt: '2026-11-20T01:00:00.000Z',
      applicant,
      basic: {
        serviceItemCode: UNEMPLOYMENT,
        applicant,
        channel: 'window' as const,
        acceptingDepartment: 'lf-hrss',
        acceptedAt: '2026-11-20T01:00:00.000Z',
        form: { secret: 'x' },
      },
    }
    const masked = routedCopy(event, { identifiers: false, form: false, grantId: '7' }, 'src-1')
    expect(masked.applicant.idNumber).toBe(maskIdentifier('resident-id', id))
    expect(masked.basic?.applicant.idNumber).toBe(maskIdentifier('resident-id', id))
    expect(masked.basic?.form).toBeUndefined()
    expect([masked.sourceEventId, masked.grantId]).toEqual(['src-1', '7'])
    const full = routedCopy(event, { identifiers: true, form: true, grantId: '7' }, 'src-1')
    expect([full.applicant.idNumber, full.basic?.form]).toEqual([id, { secret: 'x' }])
  })
})
