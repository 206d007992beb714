import { describe, expect, it } from 'vitest'
import type { Schemas } from './api/client.ts'
import { decisionBody, decisionFormFor } from './decision.ts'
import { validate } from './validation.ts'

const request = {
  id: 'r1',
  items: ['gmsfhm', 'xm', 'ffje'],
  period: { from: '2026-12-05', to: '2027-06-30' },
} as Schemas['AccessRequest']

describe('deciding a request', () => {
  it('approves as asked with an empty body beyond the outcome', () => {
    expect(decisionBody(decisionFormFor(request), request)).toEqual({ outcome: 'approve' })
  })

  it('approves with fewer items, masking, row conditions, a shorter period and limits', () => {
    const form = decisionFormFor(request)
    form.items = ['gmsfhm', 'xm']
    form.masking = { gmsfhm: 'resident-id', ffje: 'name', xm: '' }
    form.districts = '141002，141081'
    form.to = '2027-03-31'
    form.rateLimitPerMinute = 60
    form.dailyVolumeCap = 5000
    const body = decisionBody(form, request)
    expect(body).toEqual({
      outcome: 'approve',
      items: ['gmsfhm', 'xm'],
      masking: { gmsfhm: 'resident-id' },
      rowConditions: { districtIn: ['141002', '141081'] },
      period: { from: '2026-12-05', to: '2027-03-31' },
      rateLimitPerMinute: 60,
      dailyVolumeCap: 5000,
    })
    expect(validate('access-decision.json', body)).toEqual([])
  })

  it('refuses with the reason only, and the schema rejects a bad district code', () => {
    const form = decisionFormFor(request)
    form.outcome = 'refuse'
    form.reason = '申请用途与资源共享条件不符'
    form.items = []
    expect(decisionBody(form, request)).toEqual({ outcome: 'refuse', reason: '申请用途与资源共享条件不符' })
    const approve = { ...decisionFormFor(request), districts: '1410' }
    expect(validate('access-decision.json', decisionBody(approve, request))[0]?.path).toBe(
      'rowConditions.districtIn.0',
    )
  })
})
