import { createHash } from 'node:crypto'
import { canonicalJson } from '../../platform/crypto/canonical-json.ts'
import {
  ConflictError,
  type FieldProblem,
  InputError,
  PayloadTooLargeError,
} from '../../platform/errors/app-error.ts'
import { validateCreditCode, validateResidentId } from '../../platform/identifiers/index.ts'
import type { CaseChange, CaseParty, CaseSpecialProcedure, CaseStep } from '../../schemas/generated/types.ts'
import type { CaseStatus, SpecialProcedures } from './case-model.ts'

/** The rules of case changes that a JSON Schema cannot express: identifiers, stages, sizes. */

export type ChangeKind = 'basic' | 'step' | 'special' | 'result'

export const FORM_LIMIT_BYTES = 16 * 1024

const STATUS_RANK: Record<CaseStatus, number> = { accepted: 0, 'in-review': 1, decided: 2, completed: 3 }
const STEP_STATUS: Record<CaseStep['action'], CaseStatus> = {
  review: 'in-review',
  decide: 'decided',
  complete: 'completed',
}

const PARTS = { basic: 'basic', step: 'step', specialProcedure: 'special', result: 'result' } as const

export function changeKind(change: CaseChange): ChangeKind {
  const kinds = (Object.keys(PARTS) as (keyof typeof PARTS)[]).filter((k) => change[k] !== undefined)
  if (kinds.length !== 1) {
    throw new InputError(
      'invalid-case-change',
      'A case change carries exactly one of basic, step, specialProcedure or result',
    )
  }
  return PARTS[kinds[0]!]
}

/** Checks the identifier against its type and checksum; returns it normalized. */
export function checkParty(party: CaseParty, path: string, problems: FieldProblem[]): CaseParty {
  if (party.kind === 'person' && party.idType !== 'resident-id') {
    problems.push({ path: `${path}/idType`, message: 'a person is identified by a resident ID' })
    return party
  }
  if (party.idType === 'resident-id') {
    const checked = validateResidentId(party.idNumber)
    if (!checked.ok) {
      problems.push({ path: `${path}/idNumber`, message: `not a valid resident ID (${checked.reason})` })
      return party
    }
    return { ...party, idNumber: checked.normalized }
  }
  const checked = validateCreditCode(party.idNumber)
  if (!checked.ok) {
    problems.push({
      path: `${path}/idNumber`,
      message: `not a valid unified social credit code (${checked.reason})`,
    })
    return party
  }
  return { ...party, idNumber: checked.normalized }
}

export function checkFormSize(form: unknown): void {
  if (form === undefined) return
  const bytes = Buffer.byteLength(JSON.stringify(form))
  if (bytes > FORM_LIMIT_BYTES) {
    throw new PayloadTooLargeError(
      'form-too-large',
      `The form data is ${bytes} bytes as JSON; at most ${FORM_LIMIT_BYTES} are accepted`,
    )
  }
}

/** The status after a step, or the rule it breaks: no step after completion, no going back. */
export function statusAfterStep(current: CaseStatus, step: CaseStep): CaseStatus {
  if (current === 'completed') {
    throw new ConflictError('case-completed', 'The case is completed; no further steps are accepted')
  }
  const next = STEP_STATUS[step.action]
  if (STATUS_RANK[next] < STATUS_RANK[current]) {
    throw new ConflictError(
      'step-out-of-order',
      `A "${step.action}" step cannot follow a case that is already ${current}`,
    )
  }
  return next
}

export function checkResultAllowed(current: CaseStatus, hasResult: boolean): void {
  if (current !== 'completed') {
    throw new ConflictError(
      'case-not-completed',
      'A result is recorded only after the completion (办结) step',
    )
  }
  if (hasResult) throw new ConflictError('result-already-recorded', 'The case already has its result')
}

/** Stable hash of a change: keys sorted, so a replay with reordered keys is still the same change. */
export function changeHash(change: CaseChange): string {
  return createHash('sha256').update(canonicalJson(change)).digest('hex')
}

export const EVENT_TYPES: Record<ChangeKind, string> = {
  basic: 'case.accepted',
  step: 'case.step-recorded',
  special: 'case.special-procedure-recorded',
  result: 'case.result-recorded',
}

/**
 * Special procedures after a special-procedure change, or the rule it breaks: none on a completed
 * case, one open at a time, an end names the open one and is not before its start. The time from
 * start to end is added to the time the promised limit is paused.
 */
export function specialAfter(
  current: CaseStatus,
  before: SpecialProcedures,
  procedure: CaseSpecialProcedure,
): SpecialProcedures {
  if (current === 'completed') {
    throw new ConflictError('case-completed', 'The case is completed; no further changes are accepted')
  }
  const startedAt = Date.parse(procedure.startedAt)
  const endedAt = procedure.endedAt === undefined ? undefined : Date.parse(procedure.endedAt)
  if (before.openId !== null && before.openId !== procedure.procedureId) {
    throw new ConflictError(
      'special-procedure-open',
      `Special procedure ${before.openId} is still running; end it before another starts`,
    )
  }
  if (before.openId !== null && endedAt === undefined) {
    throw new ConflictError('special-procedure-open', `Special procedure ${before.openId} is already running`)
  }
  // Ending the running one counts from when it started; one sent after it ended, from its own start.
  const from = before.openId !== null ? Date.parse(before.openSince!) : startedAt
  if (endedAt !== undefined && endedAt < from) {
    throw new InputError('invalid-special-procedure', 'A special procedure cannot end before it started', {
      errors: [{ path: '/specialProcedure/endedAt', message: 'must not be before the start' }],
    })
  }
  if (endedAt === undefined) {
    return { ...before, openId: procedure.procedureId, openSince: procedure.startedAt }
  }
  return {
    openId: null,
    openSince: null,
    pausedSeconds: before.pausedSeconds + Math.floor((endedAt - from) / 1000),
  }
}

/** Completion waits until the running special procedure ended. */
export function checkCompletionAllowed(special: SpecialProcedures): void {
  if (special.openId !== null) {
    throw new ConflictError(
      'special-procedure-open',
      `Special procedure ${special.openId} is still running; end it before the case is completed`,
    )
  }
}
