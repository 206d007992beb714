import { InputError } from '../../platform/errors/app-error.ts'
import { validateCreditCode, validateResidentId } from '../../platform/identifiers/index.ts'
import type { FetchRequest, FetchSubject } from '../../schemas/generated/types.ts'

/**
 * The checks of a fetch body that need no database: one of the two forms, the batch size, and every
 * subject identifier's check digit (all failing ones listed). Returns the subjects normalized
 * (trimmed, upper-case `X`), empty for a query.
 */
export function checkedSubjects(body: FetchRequest, maxSubjects: number): FetchSubject[] {
  if ((body.subjects === undefined) === (body.query === undefined))
    throw new InputError('subjects-or-query', 'Give either `subjects` or `query`, not both and not neither.')
  const named = body.subjects ?? []
  if (named.length > maxSubjects)
    throw new InputError(
      'too-many-subjects',
      `At most ${maxSubjects} subjects per fetch; ${named.length} were given.`,
    )
  const problems = named.flatMap((s, i) => {
    const check = s.type === 'resident-id' ? validateResidentId(s.id) : validateCreditCode(s.id)
    return check.ok ? [] : [{ path: `/body/subjects/${i}/id`, message: `invalid ${s.type}: ${check.reason}` }]
  })
  if (problems.length > 0)
    throw new InputError(
      'invalid-subject-id',
      'Some subject identifiers are malformed or fail their check digit.',
      {
        errors: problems,
      },
    )
  return named.map((s) => ({ ...s, id: s.id.trim().toUpperCase() }))
}
