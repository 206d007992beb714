import { describe, expect, it } from 'vitest'
import type { Principal } from '../schemas/generated/types.ts'
import {
  canEditResource,
  canReadResource,
  canReadWorkingVersions,
  canRetireResource,
  canReviewResource,
} from './resource-policy.ts'

const who = (roles: Principal['roles'], department: string | null = 'lf-hrss'): Principal => ({
  subject: 's',
  department,
  roles,
  district: null,
})

describe('resource policy', () => {
  const draft = { provider: 'lf-hrss', status: 'draft' } as const
  const published = { provider: 'lf-hrss', status: 'published' } as const

  it('shows published entries to every government principal, never to citizens', () => {
    expect(canReadResource(who(['consumer'], 'lf-approval'), published)).toBe(true)
    expect(canReadResource(who(['citizen'], null), published)).toBe(false)
  })

  it('shows drafts to the provider department and reviewers only', () => {
    expect(canReadResource(who(['consumer'], 'lf-hrss'), draft)).toBe(true)
    expect(canReadResource(who(['reviewer'], 'lf-bigdata'), draft)).toBe(true)
    expect(canReadResource(who(['steward'], 'lf-hfund'), draft)).toBe(false)
    expect(canReadWorkingVersions(who(['admin'], 'lf-bigdata'), published)).toBe(false)
  })

  it('lets only stewards of the provider edit, reviewers review, and both retire', () => {
    expect(canEditResource(who(['steward']), published)).toBe(true)
    expect(canEditResource(who(['consumer']), published)).toBe(false)
    expect(canEditResource(who(['steward'], 'lf-hfund'), published)).toBe(false)
    expect(canReviewResource(who(['steward']))).toBe(false)
    expect(canReviewResource(who(['reviewer'], 'lf-bigdata'))).toBe(true)
    expect(canRetireResource(who(['reviewer'], 'lf-bigdata'), published)).toBe(true)
    expect(canRetireResource(who(['steward'], 'lf-hfund'), published)).toBe(false)
  })
})
