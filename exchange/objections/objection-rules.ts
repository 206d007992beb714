import { ConflictError } from '../../platform/errors/app-error.ts'
import type { Violation } from '../../platform/errors/violations.ts'
import { cursorCodec } from '../../platform/http/cursor.ts'

/**
 * Pure rules of data objections (数据异议与校核, 国发〔2016〕51号): the state machine, what counts as
 * disputed, and the checks of evidence files. No I/O, so they are tested without a database.
 *
 *   open ──confirm──▶ corrected ──accept──▶ closed
 *     │                  └──────escalate──▶ escalated ──uphold──▶ upheld ──confirm──▶ corrected
 *     ├──reject───▶ rejected ──accept──▶ closed          └──dismiss──▶ dismissed
 *     │                  └──────escalate──▶ escalated
 *     └──overdue (hub, also from upheld)──▶ escalated
 */

export const OBJECTION_STATUSES = [
  'open',
  'corrected',
  'rejected',
  'escalated',
  'upheld',
  'closed',
  'dismissed',
] as const
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number]

export const OBJECTION_ACTIONS = [
  'confirm',
  'reject',
  'accept',
  'escalate',
  'overdue',
  'uphold',
  'dismiss',
] as const
export type ObjectionAction = (typeof OBJECTION_ACTIONS)[number]

const TRANSITIONS: Record<ObjectionAction, Partial<Record<ObjectionStatus, ObjectionStatus>>> = {
  confirm: { open: 'corrected', upheld: 'corrected' },
  reject: { open: 'rejected' },
  accept: { corrected: 'closed', rejected: 'closed' },
  escalate: { corrected: 'escalated', rejected: 'escalated' },
  overdue: { open: 'escalated', upheld: 'escalated' },
  uphold: { escalated: 'upheld' },
  dismiss: { escalated: 'dismissed' },
}

/** The status after `action`, or 409 `illegal-transition` when the action does not apply now. */
export function nextStatus(status: ObjectionStatus, action: ObjectionAction): ObjectionStatus {
  const next = TRANSITIONS[action][status]
  if (!next)
    throw new ConflictError(
      'illegal-transition',
      `An objection that is ${status} cannot be ${pastTense(action)}.`,
    )
  return next
}

function pastTense(action: ObjectionAction): string {
  return action === 'overdue' ? 'marked overdue' : action.endsWith('e') ? `${action}d` : `${action}ed`
}

/** Statuses in which the provider owes an answer (a deadline runs). */
export const AWAITING_PROVIDER: readonly ObjectionStatus[] = ['open', 'upheld']

/** Statuses in which the data is under dispute: fetches and clerks see the mark. */
export const DISPUTED: readonly ObjectionStatus[] = ['open', 'rejected', 'escalated', 'upheld']

export function isDisputed(status: ObjectionStatus): boolean {
  return DISPUTED.includes(status)
}

/** The event type of a step, as it appears in the timeline and on the outbox. */
export const EVENT_OF: Record<ObjectionAction | 'raise', string> = {
  raise: 'objection.raised',
  confirm: 'objection.confirmed',
  reject: 'objection.rejected',
  accept: 'objection.accepted',
  escalate: 'objection.escalated',
  overdue: 'objection.overdue',
  uphold: 'objection.upheld',
  dismiss: 'objection.dismissed',
}

/** Evidence files: the allow-list of media types and how to recognise each by its first bytes. */
export const ATTACHMENT_MAX_BYTES = 512 * 1024
const SIGNATURES: Record<string, (bytes: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'text/plain': (b) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b)
      return !b.includes(0)
    } catch {
      return false
    }
  },
}
export const ATTACHMENT_TYPES = Object.keys(SIGNATURES)
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

export interface AttachmentInput {
  fileName: string
  mediaType: string
  content: string
}

export interface CheckedAttachment {
  fileName: string
  mediaType: string
  bytes: Buffer
}

/** Decodes and checks each attachment: allowed type, real base64, within the cap, content matching the type. */
export function checkAttachments(
  attachments: readonly AttachmentInput[],
  maxBytes = ATTACHMENT_MAX_BYTES,
): { files: CheckedAttachment[]; violations: Violation[] } {
  const files: CheckedAttachment[] = []
  const violations: Violation[] = []
  attachments.forEach((a, i) => {
    const path = `/body/attachments/${i}`
    const mediaType = a.mediaType.toLowerCase().split(';')[0]!.trim()
    const recognise = SIGNATURES[mediaType]
    if (!recognise) {
      violations.push({
        code: 'attachment-type-not-allowed',
        path: `${path}/mediaType`,
        message: `must be one of ${ATTACHMENT_TYPES.join(', ')}`,
      })
      return
    }
    const content = a.content.replace(/\s+/g, '')
    if (content.length % 4 !== 0 || !BASE64.test(content)) {
      violations.push({ code: 'attachment-not-base64', path: `${path}/content`, message: 'is not base64' })
      return
    }
    const bytes = Buffer.from(content, 'base64')
    if (bytes.length > maxBytes) {
      violations.push({
        code: 'attachment-too-large',
        path: `${path}/content`,
        message: `is ${bytes.length} bytes; at most ${maxBytes} are accepted`,
      })
      return
    }
    if (!recognise(bytes)) {
      violations.push({
        code: 'attachment-content-mismatch',
        path: `${path}/content`,
        message: `is not ${mediaType}`,
      })
      return
    }
    files.push({ fileName: a.fileName, mediaType, bytes })
  })
  return { files, violations }
}

/** Observed values may name only the items the objection lists. */
export function checkObservedValues(items: readonly string[], observed: Record<string, string>): Violation[] {
  const listed = new Set(items)
  return Object.keys(observed)
    .filter((item) => !listed.has(item))
    .map((item) => ({
      code: 'observed-item-not-listed',
      path: `/body/observedValues/${item}`,
      message: 'is not one of the listed items',
    }))
}

/** A page of objections continues below an id. */
export const { encode: encodeCursor, decode: decodeCursor } = cursorCodec<string>({
  write: (id) => `o:${id}`,
  read: (text) => /^o:([0-9]{1,19})$/.exec(text)?.[1],
})
