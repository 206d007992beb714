import { describe, expect, it } from 'vitest'
import { ConflictError } from '../../platform/errors/app-error.ts'
import {
  ATTACHMENT_MAX_BYTES,
  checkAttachments,
  checkObservedValues,
  isDisputed,
  nextStatus,
  OBJECTION_ACTIONS,
  OBJECTION_STATUSES,
  type ObjectionAction,
  type ObjectionStatus,
} from './objection-rules.ts'

// Every legal transition; every other (status, action) pair must be 409 illegal-transition.
const LEGAL: [ObjectionStatus, ObjectionAction, ObjectionStatus][] = [
  ['open', 'confirm', 'corrected'],
  ['open', 'reject', 'rejected'],
  ['open', 'overdue', 'escalated'],
  ['corrected', 'accept', 'closed'],
  ['corrected', 'escalate', 'escalated'],
  ['rejected', 'accept', 'closed'],
  ['rejected', 'escalate', 'escalated'],
  ['escalated', 'uphold', 'upheld'],
  ['escalated', 'dismiss', 'dismissed'],
  ['upheld', 'confirm', 'corrected'],
  ['upheld', 'overdue', 'escalated'],
]

const ALL = OBJECTION_STATUSES.flatMap((status) =>
  OBJECTION_ACTIONS.map((action) => [status, action] as const),
)
const legal = new Map(LEGAL.map(([from, action, to]) => [`${from}/${action}`, to]))
const ILLEGAL = ALL.filter(([status, action]) => !legal.has(`${status}/${action}`))

describe('objection state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to)
  })

  it('has 49 pairs, of which 11 are legal', () => {
    expect(ALL).toHaveLength(OBJECTION_STATUSES.length * OBJECTION_ACTIONS.length)
    expect(ILLEGAL).toHaveLength(ALL.length - LEGAL.length)
  })

  it.each(ILLEGAL)('%s --%s--> 409 illegal-transition', (from, action) => {
    let thrown: unknown
    try {
      nextStatus(from, action)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConflictError)
    expect(thrown).toMatchObject({ status: 409, code: 'illegal-transition' })
  })

  it.each([
    ['open', true],
    ['rejected', true],
    ['escalated', true],
    ['upheld', true],
    ['corrected', false],
    ['closed', false],
    ['dismissed', false],
  ] as const)('%s is disputed: %s', (status, disputed) => {
    expect(isDisputed(status)).toBe(disputed)
  })
})

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64')

describe('attachments', () => {
  it.each([
    ['application/pdf', b64('%PDF-1.7\n…')],
    ['image/png', b64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))],
    ['image/jpeg', b64(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))],
    ['text/plain; charset=utf-8', b64('窗口核对：申请人出示的缴费凭证显示基数 5000')],
  ])('accepts %s', (mediaType, content) => {
    const { files, violations } = checkAttachments([{ fileName: 'f', mediaType, content }])
    expect(violations).toEqual([])
    expect(files[0]!.mediaType).toBe(mediaType.split(';')[0])
  })

  it.each([
    ['application/zip', b64('PK'), 'attachment-type-not-allowed', '/body/attachments/0/mediaType'],
    ['application/pdf', 'not base64!', 'attachment-not-base64', '/body/attachments/0/content'],
    ['image/png', b64('%PDF-1.7'), 'attachment-content-mismatch', '/body/attachments/0/content'],
    [
      'text/plain',
      b64(Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x61)),
      'attachment-too-large',
      '/body/attachments/0/content',
    ],
  ])('refuses %s (%s)', (mediaType, content, code, path) => {
    const { files, violations } = checkAttachments([{ fileName: 'f', mediaType, content }])
    expect(files).toEqual([])
    expect(violations).toEqual([expect.objectContaining({ code, path })])
  })

  it('observed values name listed items only', () => {
    expect(checkObservedValues(['jfjs'], { jfjs: '5000', xm: '张三' })).toEqual([
      expect.objectContaining({ code: 'observed-item-not-listed', path: '/body/observedValues/xm' }),
    ])
  })
})
