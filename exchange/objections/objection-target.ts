import type { Knex } from 'knex'
import {
  type FieldProblem,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '../../platform/errors/app-error.ts'
import { type Violation, violationsError } from '../../platform/errors/violations.ts'
import type { Authorization } from '../../policies/ability.ts'
import { canRaise, type Decision } from '../../policies/objection-policy.ts'
import type { ObjectionCreate, Principal } from '../../schemas/generated/types.ts'
import {
  caseDepartment,
  fetchedCertificate,
  heldRecord,
  objectableResource,
  receivedRecord,
} from './objection-read-model.ts'
import { checkObservedValues } from './objection-rules.ts'
import type { NewObjection, ObjectionRow } from './objection-store.ts'

/** What an objection is about: resolving and checking its target, and refreshing the data it disputes. */

/** Re-reads a hub-held copy from the department system through the sync path; how many records changed. */
export type RefreshHeldCopy = (adapter: string, kind: string) => Promise<{ changed: number }>

/** The department system's own key behind a record reference a fetch handed out (null if none). */
export type OpenRecordReference = (resourceCode: string, reference: string) => string | null

const field = (path: string, message: string): FieldProblem[] => [{ path, message }]

function refusal(decision: Decision & { allowed: false }, detail: string): NotAllowedError {
  return new NotAllowedError(decision.reason, `${detail} (${decision.reason}).`)
}

/**
 * Works out the target, the provider and the deadline of a new objection, or refuses it: a record
 * only if the department received it (the audit trail's fetch record), a certificate only if it was
 * fetched for the department's own case.
 */
export async function resolveTarget(
  db: Knex,
  principal: Principal,
  ability: Authorization,
  input: ObjectionCreate,
  deadline: (shareType: 'unconditional' | 'conditional') => Date,
): Promise<NewObjection> {
  const { target } = input
  const decision = canRaise(ability, principal.department, target.type)
  if (!decision.allowed) throw refusal(decision, `You may not raise an objection on a ${target.type}`)
  const department = principal.department!
  const required = (key: keyof typeof target) => {
    if (!target[key])
      throw new InputError('target-incomplete', `A ${target.type} objection names its ${key}.`, {
        errors: field(`/body/target/${key}`, `is required for a ${target.type} target`),
      })
    return target[key] as string
  }
  if (target.caseNumber) {
    const handling = await caseDepartment(db, target.caseNumber)
    if (!handling)
      throw new NotFoundError('case-not-found', `No case ${target.caseNumber}`, {
        errors: field('/body/target/caseNumber', 'no such case'),
      })
    if (handling !== department)
      throw new NotAllowedError('not-case-department', `Case ${target.caseNumber} is another department’s`, {
        errors: field('/body/target/caseNumber', 'is a case of another department'),
      })
  }
  const observed = (input.observedValues ?? {}) as Record<string, string>
  const violations: Violation[] = checkObservedValues(input.items, observed)
  const common = {
    objector_department: department,
    raised_by: principal.subject,
    items: input.items,
    description: input.description.trim(),
    observed_values: observed,
    evidence: input.evidence?.trim() || null,
    case_number: target.caseNumber ?? null,
  }
  if (target.type === 'certificate') {
    const certificateId = required('certificateId')
    const caseNumber = required('caseNumber')
    const certificate = await fetchedCertificate(db, caseNumber, certificateId)
    if (!certificate)
      throw new NotAllowedError(
        'certificate-not-fetched-for-case',
        `Certificate ${certificateId} was not fetched for case ${caseNumber}`,
        { errors: field('/body/target/certificateId', 'was not fetched for this case') },
      )
    violations.push(...unknownItems(input.items, certificate.faceFields))
    if (violations.length > 0) throw violationsError(violations, 'invalid-objection')
    return {
      ...common,
      ...emptyTarget,
      target_type: 'certificate',
      certificate_id: certificateId,
      subject_masked: certificate.holderMasked,
      provider_department: certificate.issuer,
      share_type: 'conditional',
      answer_deadline: deadline('conditional'),
    }
  }
  const resourceCode = required('resourceCode')
  const resource = await objectableResource(db, resourceCode)
  if (!resource)
    throw new NotFoundError('resource-not-found', `No published resource ${resourceCode}`, {
      errors: field('/body/target/resourceCode', 'no such published resource'),
    })
  violations.push(...unknownItems(input.items, resource.items))
  let record: Pick<
    NewObjection,
    'record_id' | 'fetch_request_id' | 'subject_masked' | 'source_adapter' | 'record_kind'
  > = {
    record_id: null,
    fetch_request_id: null,
    subject_masked: null,
    source_adapter: resource.source?.adapter ?? null,
    record_kind: resource.source?.kind ?? null,
  }
  if (target.type === 'record') {
    const recordId = required('recordId')
    const fetchRequestId = required('fetchRequestId')
    const received = await receivedRecord(db, { department, resourceCode, recordId, fetchRequestId })
    if (!received)
      throw new NotAllowedError(
        'record-not-received',
        `Your department received no record ${recordId} of ${resourceCode} in fetch ${fetchRequestId}`,
        { errors: field('/body/target/recordId', 'was not received by your department in that fetch') },
      )
    record = {
      record_id: recordId,
      fetch_request_id: fetchRequestId,
      subject_masked: received.subjectMasked,
      source_adapter: received.adapter,
      record_kind: received.kind,
    }
  }
  if (violations.length > 0) throw violationsError(violations, 'invalid-objection')
  const shareType = resource.shareType === 'unconditional' ? 'unconditional' : 'conditional'
  return {
    ...common,
    ...emptyTarget,
    ...record,
    target_type: target.type,
    resource_code: resource.code,
    provider_department: resource.provider,
    share_type: shareType,
    answer_deadline: deadline(shareType),
  }
}

/** Re-reads the hub-held copy of the objection's data from the department system; what was done. */
export async function refreshCorrection(
  db: Knex,
  row: ObjectionRow,
  refresh: RefreshHeldCopy,
  openRef: OpenRecordReference,
): Promise<Record<string, unknown>> {
  const unavailable = () =>
    new InputError(
      'refresh-not-available',
      'The hub holds no copy of this data to refresh; record the correction instead.',
      { errors: field('/body/correction/method', 'use `recorded` for this objection') },
    )
  if (row.target_type === 'certificate' || !row.source_adapter || !row.record_kind) throw unavailable()
  const held =
    row.target_type === 'record'
      ? await heldRecord(db, row.record_kind, openRef(row.resource_code!, row.record_id!) ?? row.record_id!)
      : (await objectableResource(db, row.resource_code!))?.source?.hubHeld === true
  // A live source is read afresh on every fetch: the department system's correction is already served.
  if (!held) return { adapter: row.source_adapter, kind: row.record_kind, hubHeld: false, changed: 0 }
  const { changed } = await refresh(row.source_adapter, row.record_kind)
  return { adapter: row.source_adapter, kind: row.record_kind, hubHeld: true, changed }
}

const emptyTarget = {
  resource_code: null,
  source_adapter: null,
  record_kind: null,
  record_id: null,
  certificate_id: null,
  fetch_request_id: null,
  subject_masked: null,
}

function unknownItems(items: readonly string[], known: readonly string[]): Violation[] {
  const set = new Set(known)
  return items.flatMap((item, i) =>
    set.has(item)
      ? []
      : [
          {
            code: 'unknown-items',
            path: `/body/items/${i}`,
            message: `${item} is not an item of the target`,
          },
        ],
  )
}
