/**
 * The `cursor` and `limit` querystring properties of the audit lists (records, checkpoints, a
 * citizen's accesses): their cursor is a plain position in the trail, checked by pattern, not an
 * opaque token like the directory's (platform/http/page-query.ts).
 */
export function auditPageQuery(maximum: number, defaultLimit: number) {
  return {
    cursor: {
      type: 'string',
      pattern: '^[1-9][0-9]{0,15}$',
      description: '`nextCursor` of the previous page.',
    },
    limit: { type: 'integer', minimum: 1, maximum, default: defaultLimit, description: 'Page size.' },
  } as const
}
