import type { Objection } from '../../schemas/generated/types.ts'
import { isDisputed } from './objection-rules.ts'
import type { AttachmentMeta, ObjectionRow } from './objection-store.ts'

/** An objection as the API shows it. */
export function toObjection(row: ObjectionRow, attachments: readonly AttachmentMeta[]): Objection {
  const target: Objection['target'] = { type: row.target_type }
  if (row.resource_code) target.resourceCode = row.resource_code
  if (row.record_kind && row.target_type === 'record') target.recordKind = row.record_kind
  if (row.record_id) target.recordId = row.record_id
  if (row.fetch_request_id) target.fetchRequestId = row.fetch_request_id
  if (row.subject_masked) target.subjectMasked = row.subject_masked
  if (row.certificate_id) target.certificateId = row.certificate_id
  if (row.case_number) target.caseNumber = row.case_number
  return {
    id: row.id,
    target,
    providerDepartment: row.provider_department,
    objectorDepartment: row.objector_department,
    raisedBy: row.raised_by,
    items: row.items,
    description: row.description,
    observedValues: row.observed_values,
    evidence: row.evidence,
    attachments: attachments
      .filter((a) => a.objection_id === row.id)
      .map((a) => ({ id: a.id, fileName: a.file_name, mediaType: a.media_type, size: a.size })),
    status: row.status,
    disputed: isDisputed(row.status),
    answerDeadline: row.answer_deadline.toISOString(),
    overdue: row.overdue,
    answer:
      row.answered_at && row.answered_by
        ? {
            outcome: row.correction ? 'confirm' : 'reject',
            by: row.answered_by,
            at: row.answered_at.toISOString(),
            reason: row.answer_reason,
            correction: row.correction,
          }
        : null,
    ruling:
      row.ruling && row.ruled_by && row.ruled_at
        ? { outcome: row.ruling, by: row.ruled_by, at: row.ruled_at.toISOString() }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}
