import { InputError } from '../platform/errors/app-error.ts'

/**
 * A data subject's identifier never travels in a URL: URLs end up in browser history, proxy and
 * access logs, and Referer headers. The GET forms that once took `subjectId` answer this instead,
 * naming the POST form that takes the same filters in its body.
 */
export function refuseSubjectInQuery(subjectId: string | undefined, postPath: string): void {
  if (subjectId === undefined) return
  throw new InputError(
    'subject-in-query',
    `A data subject identifier must not be sent in a URL: use POST ${postPath} with \`subjectId\` in the JSON body`,
    { errors: [{ path: '/querystring/subjectId', message: `not accepted here; use POST ${postPath}` }] },
  )
}

/** The querystring property that is still declared (so the refusal is this one, not "unknown property"). */
export function refusedSubjectProperty(postPath: string) {
  return {
    type: 'string',
    description: `Refused with 400 \`subject-in-query\`: send the subject in the body of \`POST ${postPath}\` instead.`,
  } as const
}
