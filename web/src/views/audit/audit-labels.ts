import type { ComposerTranslation } from 'vue-i18n'

/** Codes of the trail (actions, reasons, purposes) in words; an unknown code is shown as it is. */

type Translate = { t: ComposerTranslation; te: (key: string) => boolean }

/** Message keys cannot hold dots: `exchange.fetch` → `exchange-fetch`. */
const keyOf = (code: string) => code.replaceAll('.', '-')

function label({ t, te }: Translate, group: string, code: string | null | undefined): string {
  if (!code) return '—'
  const key = `audit.${group}.${keyOf(code)}`
  return te(key) ? t(key) : code
}

export const actionLabel = (i: Translate, action: string) => label(i, 'action', action)
export const reasonLabel = (i: Translate, reason: string | null | undefined) => label(i, 'reason', reason)

/** The purpose code in words, else the caller's own words for it, else the code. */
export function purposeLabel(i: Translate, purpose: string | null | undefined, text?: string | null): string {
  if (!purpose) return text ?? '—'
  const key = `audit.purpose.${keyOf(purpose)}`
  if (i.te(key)) return i.t(key)
  return text ?? purpose
}

/** The purpose text an exchange fetch keeps in a record's details. */
export function purposeTextOf(details: Record<string, unknown> | null | undefined): string | null {
  const text = details?.purposeText
  return typeof text === 'string' ? text : null
}

/** The API's limit on one export (audit-service.ts MAX_EXPORT_DAYS). */
export const MAX_EXPORT_DAYS = 366

/** The auditor's search filters as the API takes them (the subject only ever in a POST body). */
export interface SearchFilters {
  subjectId?: string
  principal?: string
  department?: string
  resourceId?: string
  caseNumber?: string
  outcome?: 'allowed' | 'denied'
  from?: string
  to?: string
}
