import { InputError } from '../../platform/errors/app-error.ts'
import { throwIfInvalid as throwIfAnyViolation, type Violation } from '../../platform/errors/violations.ts'
import type { ResourceDraft, ResourceItem } from '../../schemas/generated/types.ts'
import { codeProblems, parseCode, renderCode } from './resource-code.ts'
import { deriveRecordSchema, recordSchemaProblems } from './resource-record-schema.ts'

/** The pure rules of a resource's metadata (no database), shared by the service, import and tests. */

export type ShareType = ResourceDraft['shareType']

export type { Violation }

const violation = (code: string, path: string, message: string): Violation => ({
  code,
  path: `/body${path}`,
  message,
})

// 信息资源格式分类 and 类型 are a linked cascade (1272 template): the type must belong to the category.
export const FORMAT_TYPES: Record<ResourceDraft['format']['category'], readonly string[]> = {
  file: ['ofd', 'pdf', 'doc', 'docx', 'wps', 'txt', 'other'],
  spreadsheet: ['xls', 'xlsx', 'et', 'csv', 'other'],
  database: ['postgresql', 'mysql', 'oracle', 'dm', 'kingbase', 'sqlserver', 'other'],
  image: ['jpg', 'png', 'tiff', 'gif', 'other'],
  streaming: ['mp4', 'flv', 'mp3', 'other'],
  'self-describing': ['json', 'xml', 'other'],
}

/** Openness rank: an item may restrict more than its resource, never less. */
const SHARE_RANK: Record<ShareType, number> = { unconditional: 0, conditional: 1, 'not-shared': 2 }

export interface CheckedDraft {
  code: string
  recordSchema: Record<string, unknown>
  recordSchemaDerived: boolean
}

/** Every violation of the metadata rules a JSON Schema cannot express, all at once. */
export function draftViolations(draft: ResourceDraft): Violation[] {
  const v: Violation[] = []
  for (const problem of codeProblems(draft.code)) v.push(violation('invalid-resource-code', '/code', problem))
  if (!FORMAT_TYPES[draft.format.category]?.includes(draft.format.type)) {
    v.push(
      violation(
        'format-type-mismatch',
        '/format/type',
        `must be one of ${FORMAT_TYPES[draft.format.category]?.join(', ')} for category ${draft.format.category}`,
      ),
    )
  }
  if (draft.shareType !== 'unconditional' && !draft.shareCondition?.trim()) {
    v.push(
      violation(
        'share-condition-required',
        '/shareCondition',
        'is required: the conditions of a conditional resource, the legal basis of a not-shared one',
      ),
    )
  }
  if (draft.shareType === 'not-shared' && draft.shareMethods.length > 0) {
    v.push(violation('share-methods-not-allowed', '/shareMethods', 'must be empty for a not-shared resource'))
  }
  if (draft.shareType !== 'not-shared' && draft.shareMethods.length === 0) {
    v.push(violation('share-method-required', '/shareMethods', 'needs at least one method'))
  }
  // A file-type resource is exchanged as files only (1272 template rule for 共享平台方式).
  if (draft.format.category === 'file' && draft.shareMethods.some((m) => m !== 'file')) {
    v.push(
      violation('share-method-format-mismatch', '/shareMethods', 'a file-format resource is shared as files'),
    )
  }
  const rendered = renderCode(draft.code)
  for (const [i, related] of (draft.relatedCodes ?? []).entries()) {
    if (related === rendered)
      v.push(violation('invalid-related-code', `/relatedCodes/${i}`, 'is this resource itself'))
    else if (!parseCode(related))
      v.push(violation('invalid-related-code', `/relatedCodes/${i}`, 'is not a resource code'))
  }
  v.push(...itemViolations(draft.items, draft.shareType))
  return v
}

function itemViolations(items: ResourceItem[], resourceShare: ShareType): Violation[] {
  const v: Violation[] = []
  const seen = new Set<string>()
  for (const [i, item] of items.entries()) {
    const at = `/items/${i}`
    if (seen.has(item.code))
      v.push(violation('duplicate-item-code', `${at}/code`, `${item.code} appears twice`))
    seen.add(item.code)
    if (SHARE_RANK[item.shareType] < SHARE_RANK[resourceShare]) {
      v.push(
        violation(
          'item-share-type-looser',
          `${at}/shareType`,
          `cannot be looser than the resource's ${resourceShare}`,
        ),
      )
    }
    if (item.shareType === 'conditional' && !item.shareCondition?.trim()) {
      v.push(
        violation('share-condition-required', `${at}/shareCondition`, 'is required for a conditional item'),
      )
    }
    if (item.personal && item.open) {
      v.push(
        violation('personal-item-open', `${at}/open`, 'personal information cannot be open to the public'),
      )
    }
  }
  return v
}

/**
 * Checks the draft; throws one InputError listing every violation. A record schema that disagrees
 * with the items gets its own code, `record-schema-mismatch`, because clients fix it differently.
 */
export function checkDraft(draft: ResourceDraft): CheckedDraft {
  throwIfInvalid(draftViolations(draft))
  const given = draft.recordSchema ?? null
  if (given === null) {
    return {
      code: renderCode(draft.code),
      recordSchema: deriveRecordSchema(draft.items),
      recordSchemaDerived: true,
    }
  }
  const problems = recordSchemaProblems(given, draft.items)
  if (problems.length > 0) {
    throw new InputError(
      'record-schema-mismatch',
      'The record schema does not describe the information items',
      {
        errors: problems,
      },
    )
  }
  return { code: renderCode(draft.code), recordSchema: given, recordSchemaDerived: false }
}

/** One violation keeps its own code; several share `resource-invalid` and are all listed. */
export function throwIfInvalid(violations: readonly Violation[]): void {
  throwIfAnyViolation(violations, 'resource-invalid', { keepCode: 'single', lead: 'The resource is invalid' })
}

/**
 * The text the trigram index searches: lower-cased so ILIKE and the index agree on every row. The
 * provider's code leads, so a search for `lf-hrss` finds that department's resources too.
 */
export function searchText(parts: {
  providerCode: string
  code: string
  name: string
  summary: string
  providerName: string
  itemNames: string[]
}): string {
  return [parts.providerCode, parts.code, parts.name, parts.summary, parts.providerName, ...parts.itemNames]
    .join(' | ')
    .toLowerCase()
}
