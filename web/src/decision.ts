import type { Schemas } from './api/client.ts'

type Decision = Schemas['AccessDecision']

/** What a provider steward fills in when deciding a request. */
export interface DecisionForm {
  outcome: 'approve' | 'refuse'
  reason: string
  items: string[]
  masking: Record<string, string>
  districts: string
  applicantOfOpenCase: boolean
  from: string
  to: string
  rateLimitPerMinute: number | null
  dailyVolumeCap: number | null
}

export function decisionFormFor(request: Schemas['AccessRequest']): DecisionForm {
  return {
    outcome: 'approve',
    reason: '',
    items: [...request.items],
    masking: {},
    districts: '',
    applicantOfOpenCase: false,
    from: request.period.from,
    to: request.period.to,
    rateLimitPerMinute: null,
    dailyVolumeCap: null,
  }
}

/** The decision body: a refusal carries only its reason; an approval only what narrows the request. */
export function decisionBody(form: DecisionForm, request: Schemas['AccessRequest']): Decision {
  if (form.outcome === 'refuse') return { outcome: 'refuse', reason: form.reason }
  const body: Decision = { outcome: 'approve' }
  if (form.reason.trim()) body.reason = form.reason
  if (form.items.length !== request.items.length || form.items.some((i) => !request.items.includes(i))) {
    body.items = form.items
  }
  const masking = Object.fromEntries(
    Object.entries(form.masking).filter(([item, how]) => how && form.items.includes(item)),
  ) as Decision['masking']
  if (masking && Object.keys(masking).length) body.masking = masking
  const districtIn = form.districts
    .split(/[,，\s]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '')
  const rowConditions: NonNullable<Decision['rowConditions']> = {}
  if (districtIn.length) rowConditions.districtIn = districtIn
  if (form.applicantOfOpenCase) rowConditions.applicantOfOpenCase = true
  if (Object.keys(rowConditions).length) body.rowConditions = rowConditions
  if (form.from !== request.period.from || form.to !== request.period.to)
    body.period = { from: form.from, to: form.to }
  if (form.rateLimitPerMinute) body.rateLimitPerMinute = form.rateLimitPerMinute
  if (form.dailyVolumeCap) body.dailyVolumeCap = form.dailyVolumeCap
  return body
}
