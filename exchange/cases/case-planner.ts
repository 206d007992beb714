import type { ServiceItemReference } from '../../directory/service-items/service-item-read-model.ts'
import { ConflictError, type FieldProblem, InputError } from '../../platform/errors/app-error.ts'
import type { CaseBasic, CaseChange, CaseEvent, CaseParty } from '../../schemas/generated/types.ts'
import type { CaseStatus } from './case-model.ts'
import {
  type ChangeKind,
  changeHash,
  changeKind,
  checkCompletionAllowed,
  checkFormSize,
  checkParty,
  checkResultAllowed,
  EVENT_TYPES,
  specialAfter,
  statusAfterStep,
} from './case-rules.ts'
import type { CaseProgress } from './case-store.ts'

/**
 * Plans one case change against the state the earlier changes left, in memory: the checks of a whole
 * batch run before anything is written, so a refused change leaves nothing behind.
 */

export interface CaseFacts {
  serviceItemCode: string
  serviceItemName: string
  department: string
  divisionCode: string
  applicant: CaseParty
}

export interface CaseState {
  caseNumber: string
  facts: CaseFacts
  /** Set only for a case created by the changes being applied (it is inserted, not updated). */
  basic?: CaseBasic
  /** With `basic`: the version of the service item the case is accepted under. */
  serviceItemVersion?: number
  hasResult: boolean
  progress: CaseProgress
}

/** The reference data the batch names, read once. */
export interface ReferenceData {
  serviceItems: Map<string, ServiceItemReference>
  /** Department code → division code. */
  divisions: Map<string, string>
}

export interface PlannedChange {
  caseNumber: string
  sequence: number
  kind: ChangeKind
  hash: string
  /** The change as stored (identifiers normalized). */
  change: CaseChange
  eventType: string
  event: CaseEvent
  /** A repeat of an earlier change of the same batch: answered with its receipt, not written again. */
  duplicateOf?: PlannedChange
}

export type PlanOutcome =
  | { kind: 'earlier'; hash: string }
  | { kind: 'next'; state: CaseState; planned: PlannedChange }

export function planChange(
  state: CaseState | undefined,
  input: CaseChange,
  reference: ReferenceData,
): PlanOutcome {
  const kind = changeKind(input)
  const hash = changeHash(input)
  if (state && input.sequence <= state.progress.sequence) return { kind: 'earlier', hash }
  const expected = state ? state.progress.sequence + 1 : 1
  if (input.sequence !== expected) {
    throw new ConflictError(
      'sequence-gap',
      state
        ? `Case ${input.caseNumber} expects sequence ${expected} next, not ${input.sequence}`
        : `Case ${input.caseNumber} has no basic info yet; send sequence 1 first`,
    )
  }
  let next: CaseState
  let change = input
  if (kind === 'basic') {
    if (state)
      throw new ConflictError('case-already-accepted', `Case ${input.caseNumber} already has its basic info`)
    const basic = checkBasic(input.basic!, reference)
    change = { ...input, basic }
    next = {
      caseNumber: input.caseNumber,
      facts: {
        serviceItemCode: basic.serviceItemCode,
        serviceItemName: reference.serviceItems.get(basic.serviceItemCode)!.name,
        department: basic.acceptingDepartment,
        divisionCode: reference.divisions.get(basic.acceptingDepartment)!,
        applicant: basic.applicant,
      },
      basic,
      serviceItemVersion: reference.serviceItems.get(basic.serviceItemCode)!.version,
      hasResult: false,
      progress: {
        status: 'accepted',
        sequence: 1,
        addVisits: 0,
        special: { openId: null, openSince: null, pausedSeconds: 0 },
      },
    }
  } else if (kind === 'step') {
    const current = state!
    const step = input.step!
    const status = statusAfterStep(current.progress.status, step)
    if (status === 'completed') checkCompletionAllowed(current.progress.special)
    next = {
      ...current,
      progress: {
        ...current.progress,
        status,
        sequence: input.sequence,
        addVisits: current.progress.addVisits + (step.visit === true ? 1 : 0),
        ...(status === 'completed' ? { completedAt: step.endedAt ?? step.startedAt } : {}),
      },
    }
  } else if (kind === 'special') {
    const current = state!
    const procedure = input.specialProcedure!
    next = {
      ...current,
      progress: {
        ...current.progress,
        sequence: input.sequence,
        special: specialAfter(current.progress.status, current.progress.special, procedure),
      },
    }
  } else {
    const current = state!
    const result = input.result!
    checkResultAllowed(current.progress.status, current.hasResult)
    next = {
      ...current,
      hasResult: true,
      progress: { ...current.progress, sequence: input.sequence, completedAt: result.completedAt, result },
    }
  }
  const event = caseEventOf(change, kind, next.progress.status, next.facts)
  return {
    kind: 'next',
    state: next,
    planned: {
      caseNumber: input.caseNumber,
      sequence: input.sequence,
      kind,
      hash,
      change,
      eventType: EVENT_TYPES[kind],
      event,
    },
  }
}

function checkBasic(basic: CaseBasic, reference: ReferenceData): CaseBasic {
  checkFormSize(basic.form)
  const problems: FieldProblem[] = []
  const applicant = checkParty(basic.applicant, '/basic/applicant', problems)
  const agent = basic.agent && checkParty(basic.agent, '/basic/agent', problems)
  const idProblem = problems.length > 0
  const item = reference.serviceItems.get(basic.serviceItemCode)
  const unknownItem = item === undefined
  const retiredItem = item?.status === 'retired'
  if (unknownItem) {
    problems.push({
      path: '/basic/serviceItemCode',
      message: `unknown service item "${basic.serviceItemCode}"`,
    })
  } else if (retiredItem) {
    problems.push({
      path: '/basic/serviceItemCode',
      message: `service item "${basic.serviceItemCode}" is retired: new cases cannot be accepted under it`,
    })
  }
  if (!reference.divisions.has(basic.acceptingDepartment)) {
    problems.push({
      path: '/basic/acceptingDepartment',
      message: `unknown department "${basic.acceptingDepartment}"`,
    })
  }
  if (basic.promisedAt && Date.parse(basic.promisedAt) < Date.parse(basic.acceptedAt)) {
    problems.push({ path: '/basic/promisedAt', message: 'must not be before acceptedAt' })
  }
  for (const [i, m] of (basic.materials ?? []).entries()) {
    if (m.source !== 'paper' && !m.reference) {
      problems.push({
        path: `/basic/materials/${i}/reference`,
        message: `a ${m.source} material names its source`,
      })
    }
  }
  if (problems.length > 0) {
    const code = unknownItem
      ? 'unknown-service-item'
      : retiredItem
        ? 'service-item-retired'
        : idProblem
          ? 'invalid-applicant-id'
          : 'invalid-case-basic'
    throw new InputError(code, 'The basic info of the case is not valid', { errors: problems })
  }
  return { ...basic, applicant, ...(agent ? { agent } : {}) }
}

/** When a change happened in the department: acceptance, a step's or procedure's end (else start), completion. */
export function occurredAtOf(change: CaseChange): string {
  if (change.basic) return change.basic.acceptedAt
  if (change.step) return change.step.endedAt ?? change.step.startedAt
  if (change.specialProcedure) return change.specialProcedure.endedAt ?? change.specialProcedure.startedAt
  return change.result!.completedAt
}

/** The event of a change: its part, the case's facts and the case's status after it. */
export function caseEventOf(
  change: CaseChange,
  kind: ChangeKind,
  status: CaseStatus,
  facts: CaseFacts,
): CaseEvent {
  return {
    caseNumber: change.caseNumber,
    sequence: change.sequence,
    kind,
    status,
    ...facts,
    occurredAt: occurredAtOf(change),
    ...(change.basic ? { basic: change.basic } : {}),
    ...(change.step ? { step: change.step } : {}),
    ...(change.specialProcedure ? { specialProcedure: change.specialProcedure } : {}),
    ...(change.result ? { result: change.result } : {}),
  }
}
