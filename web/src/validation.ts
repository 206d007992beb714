import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import accessDecision from '../../schemas/access-decision.json'
import accessMasking from '../../schemas/access-masking.json'
import accessPeriod from '../../schemas/access-period.json'
import accessPurpose from '../../schemas/access-purpose.json'
import accessRequestCreate from '../../schemas/access-request-create.json'
import accessRowConditions from '../../schemas/access-row-conditions.json'
import departmentCreate from '../../schemas/department-create.json'
import departmentUpdate from '../../schemas/department-update.json'
import fetchRequest from '../../schemas/fetch-request.json'
import fetchSubject from '../../schemas/fetch-subject.json'
import grantRenewal from '../../schemas/grant-renewal.json'
import grantRevocation from '../../schemas/grant-revocation.json'
import resourceCode from '../../schemas/resource-code.json'
import resourceDraft from '../../schemas/resource-draft.json'
import resourceItem from '../../schemas/resource-item.json'
import resourceReviewComment from '../../schemas/resource-review-comment.json'
import resourceSourcePut from '../../schemas/resource-source-put.json'
import serviceItemDraft from '../../schemas/service-item-draft.json'
import serviceItemMaterialDraft from '../../schemas/service-item-material-draft.json'
import serviceItemRetire from '../../schemas/service-item-retire.json'
import serviceItemType from '../../schemas/service-item-type.json'
import serviceItemUpdate from '../../schemas/service-item-update.json'
import { fieldPath } from './api/problem.ts'

/**
 * The console validates every form with the very JSON Schemas the API validates requests with
 * (schemas/*.json), so a person sees what is wrong as they type; the API still has the last word.
 */
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
for (const schema of [
  resourceCode,
  resourceItem,
  resourceDraft,
  accessPurpose,
  accessPeriod,
  accessRequestCreate,
  accessRowConditions,
  accessMasking,
  accessDecision,
  fetchSubject,
  fetchRequest,
  grantRenewal,
  grantRevocation,
  resourceReviewComment,
  resourceSourcePut,
  departmentCreate,
  departmentUpdate,
  serviceItemType,
  serviceItemMaterialDraft,
  serviceItemDraft,
  serviceItemUpdate,
  serviceItemRetire,
]) {
  ajv.addSchema(schema)
}

export type SchemaId =
  | 'resource-draft.json'
  | 'resource-item.json'
  | 'access-request-create.json'
  | 'access-decision.json'
  | 'fetch-request.json'
  | 'grant-renewal.json'
  | 'grant-revocation.json'
  | 'resource-review-comment.json'
  | 'resource-source-put.json'
  | 'department-create.json'
  | 'department-update.json'
  | 'service-item-draft.json'
  | 'service-item-update.json'
  | 'service-item-retire.json'

/** One failing field: the dotted form path, an i18n key under `validation.` and its parameters. */
export interface FieldIssue {
  path: string
  key: string
  params: Record<string, unknown>
}

function issueOf(error: ErrorObject): FieldIssue {
  const params = error.params as Record<string, unknown>
  let path = fieldPath(error.instancePath)
  if (error.keyword === 'required') {
    path = path ? `${path}.${String(params.missingProperty)}` : String(params.missingProperty)
  }
  if (error.keyword === 'additionalProperties') {
    path = path ? `${path}.${String(params.additionalProperty)}` : String(params.additionalProperty)
  }
  const known = [
    'required',
    'minLength',
    'maxLength',
    'pattern',
    'enum',
    'minimum',
    'maximum',
    'minItems',
    'maxItems',
    'uniqueItems',
    'type',
    'format',
    'additionalProperties',
  ]
  let key = known.includes(error.keyword) ? error.keyword : 'invalid'
  if (key === 'minLength' && params.limit === 1) key = 'required'
  return { path, key, params }
}

/** Validates `value` against one of the API's schemas; the failing fields, first problem per field. */
export function validate(schema: SchemaId, value: unknown): FieldIssue[] {
  const check = ajv.getSchema(schema) as ValidateFunction | undefined
  if (!check) throw new Error(`schema ${schema} is not loaded`)
  if (check(value)) return []
  const seen = new Set<string>()
  const issues: FieldIssue[] = []
  for (const error of check.errors ?? []) {
    // `if/then` and `oneOf` wrappers repeat what their branches said.
    if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'anyOf') continue
    const issue = issueOf(error)
    if (seen.has(issue.path)) continue
    seen.add(issue.path)
    issues.push(issue)
  }
  return issues
}
