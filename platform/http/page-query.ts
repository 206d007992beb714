/**
 * The `limit` and `cursor` querystring properties of a keyset-paged list, spread into the list's
 * querystring schema beside its own filters: every list pages the same way (at most 200 a page,
 * `nextCursor` handed back as `cursor`), and the OpenAPI document says so in the same words.
 */
export function pageQuery(
  /** What the list returns, plural: `Most ${noun} returned.` */
  noun: string,
  defaultLimit: number,
  /** The longest cursor the list hands out (a JSON keyset is longer than an id). */
  cursorMaxLength = 200,
) {
  return {
    limit: {
      type: 'integer',
      minimum: 1,
      maximum: 200,
      default: defaultLimit,
      description: `Most ${noun} returned.`,
    },
    cursor: {
      type: 'string',
      maxLength: cursorMaxLength,
      description: 'The `nextCursor` of the previous page.',
    },
  } as const
}
