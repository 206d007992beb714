export interface IdParams {
  id: string
}

/**
 * The params schema of a route addressed by a numeric id: a bigint primary key as text, at most 18
 * digits so it always fits PostgreSQL's bigint (a longer one is a 400, never a database error).
 */
export function idParams(description: string) {
  return {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: { id: { type: 'string', pattern: '^[0-9]{1,18}$', description } },
  } as const
}
