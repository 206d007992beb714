import type { Knex } from 'knex'
import { cursorCodec, invalidCursor } from '../../platform/http/cursor.ts'
import type { Authorization } from '../../policies/ability.ts'
import { type ResourceVisibility, resourceVisibility } from '../../policies/directory-decisions.ts'
import type { ResourceFacetCount, ResourceList, ResourceSummary } from '../../schemas/generated/types.ts'
import { CATALOG_VERSION_SQL, readCatalogVersion } from './catalog-version.ts'
import { ResourceSearchCache } from './resource-search-cache.ts'
import type { ResourceSearchQuery, ResourceSort } from './resource-search-model.ts'

/**
 * The catalog search (a read model over `resources` and `departments`).
 *
 * Keywords match a lower-cased text column holding code, name, summary, provider name and item
 * names, with `LIKE '%term%'` per term (all terms must match). Text and terms are lower-cased in
 * JavaScript, which makes LIKE case-insensitive without ILIKE's per-row case folding. A pg_trgm GIN index serves these
 * for Latin and CJK terms of three or more characters; one- and two-character terms (e.g. 社保)
 * produce no trigram, so PostgreSQL checks them row by row — still correct, just not indexed, and
 * cheap whenever another term or a filter narrows the rows first. (pg_trgm does extract CJK
 * trigrams here: the databases use a UTF-8 ctype, under which CJK characters are letters.)
 *
 * Counting every match for the total and the facets is the expensive part of a search, so first
 * pages are cached by catalog version (resource-search-cache.ts): a repeated search costs one
 * round trip that reads the version.
 */

interface SummaryRow {
  id: string
  code: string
  name: string
  summary: string
  class: ResourceSummary['class']
  provider_code: string
  provider_name: string
  division_code: string
  share_type: ResourceSummary['shareType']
  format_category: string
  update_cycle: string
  status: ResourceSummary['status']
  current_version: number | null
  /** JSON renders timestamps as text with full (microsecond) precision, which keeps cursors exact. */
  published_at: string | null
  sort_key: string | number
}

interface Cursor {
  s: ResourceSort
  k: string | number
  id: string
}

/** The columns of the attributes the `Resource` rules test (policies/directory-rules.ts). */
const VISIBILITY_COLUMNS = { provider: 'r.provider_code', status: 'r.status' }

/**
 * The answer to a search. With a cache, a first page is served from it while the catalog version
 * is the one its statement read (one cheap round trip to read the version), and stored otherwise.
 */
export async function searchResources(
  db: Knex,
  authz: Authorization,
  query: ResourceSearchQuery,
  cache?: ResourceSearchCache,
): Promise<ResourceList> {
  const visible = resourceVisibility(authz, VISIBILITY_COLUMNS)
  const key = cache && ResourceSearchCache.keyOf(visible, query)
  if (!cache || key === undefined) return (await runSearch(db, visible, query)).list
  const hit = cache.get(key, await readCatalogVersion(db))
  if (hit) return hit
  const { list, version } = await runSearch(db, visible, query)
  cache.set(key, version, list)
  return list
}

async function runSearch(
  db: Knex,
  visible: ResourceVisibility,
  query: ResourceSearchQuery,
): Promise<{ list: ResourceList; version: string }> {
  const terms = (query.q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '')
  const sort: ResourceSort = query.sort ?? (terms.length ? 'relevance' : 'name')
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort)

  const matching = () => {
    // Only the entries the caller's ability may read (its conditions, pushed into SQL).
    const q = db('resources as r').where(visible.where)
    for (const term of terms)
      q.where('r.search_text', 'like', `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    if (query.class) q.where('r.class', query.class)
    if (query.provider) q.where('r.provider_code', query.provider)
    if (query.shareType) q.where('r.share_type', query.shareType)
    if (query.format) q.where('r.format_category', query.format)
    if (query.updateCycle) q.where('r.update_cycle', query.updateCycle)
    // An array of the division's few departments, so the keyword index is scanned once, not per department.
    if (query.division) {
      q.whereRaw('r.provider_code = any(array(select code from departments where division_code = ?))', [
        query.division,
      ])
    }
    if (query.status) q.where('r.status', query.status)
    return q
  }

  const key = sortKey(sort, terms.join(' '))
  // One statement scans the matches once (a narrow materialized CTE) for both the page and the
  // facets; only the rows of the page are joined back for their display columns.
  const matches = matching().select(
    'r.id',
    'r.share_type',
    'r.class',
    'r.provider_code',
    db.raw(`${key.sql} as sort_key`, key.bindings),
  )
  const order = `sort_key ${key.direction}, id asc`
  const top = db('m')
    .select('id', 'sort_key')
    .orderByRaw(order)
    .limit(query.limit + 1)
  if (after) {
    const op = key.direction === 'desc' ? '<' : '>'
    top.whereRaw(`(sort_key ${op} ? or (sort_key = ? and id > ?))`, [after.k, after.k, after.id])
  }
  const page = db
    .from(top.as('t'))
    .join('resources as r', 'r.id', 't.id')
    .join('departments as d', 'd.code', 'r.provider_code')
    .select(
      't.id',
      't.sort_key',
      'r.code',
      'r.name',
      'r.summary',
      'r.class',
      'r.provider_code',
      'd.name as provider_name',
      'd.division_code',
      'r.share_type',
      'r.format_category',
      'r.update_cycle',
      'r.status',
      'r.current_version',
      'r.published_at',
    )
  // One grouping over the three facet columns (cheaper than grouping sets); rolled up in toFacets.
  const facetCounts = db('m').select('share_type', 'class', 'provider_code').count('* as n').groupBy(1, 2, 3)
  const [result] = (await db
    .withMaterialized('m', matches)
    .select(
      db.raw(`coalesce((select json_agg(p order by ${order}) from ? p), '[]'::json) as page`, [page]),
      db.raw(`coalesce((select json_agg(f) from ? f), '[]'::json) as facets`, [facetCounts]),
      db.raw(`${CATALOG_VERSION_SQL} as catalog_version`),
    )) as { page: SummaryRow[]; facets: FacetRow[]; catalog_version: string }[]
  const rows = result!.page
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  const facets = toFacets(result!.facets)
  const list = {
    items: items.map(toSummary),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ s: sort, k: last.sort_key, id: String(last.id) })
        : null,
    total: facets.shareType.reduce((sum, f) => sum + f.count, 0),
    facets,
  }
  return { list, version: String(result!.catalog_version) }
}

function sortKey(
  sort: ResourceSort,
  phrase: string,
): { sql: string; bindings: string[]; direction: 'asc' | 'desc' } {
  if (sort === 'name') return { sql: 'r.name', bindings: [], direction: 'asc' }
  if (sort === 'published') {
    return { sql: `coalesce(r.published_at, '-infinity'::timestamptz)`, bindings: [], direction: 'desc' }
  }
  if (phrase === '') return { sql: '0', bindings: [], direction: 'desc' }
  // Cheap on every match (integer arithmetic; a case fold only when the phrase has cased letters —
  // for CJK, lower() is the costliest step and changes nothing): a name starting with the phrase
  // ranks first, then a hit elsewhere in the name, then a hit elsewhere; shorter names first within
  // each (names are at most 200 characters, so the length never crosses a rank).
  const name = phrase === phrase.toUpperCase() ? 'r.name' : 'lower(r.name)'
  return {
    sql: `(case strpos(${name}, ?) when 0 then 0 when 1 then 30000 else 20000 end) - char_length(r.name)`,
    bindings: [phrase],
    direction: 'desc',
  }
}

interface FacetRow {
  share_type: string
  class: string
  provider_code: string
  n: string | number
}

function toFacets(rows: FacetRow[]): ResourceList['facets'] {
  const shareType = new Map<string, number>()
  const cls = new Map<string, number>()
  const provider = new Map<string, number>()
  const add = (into: Map<string, number>, value: string, n: number) =>
    into.set(value, (into.get(value) ?? 0) + n)
  for (const row of rows) {
    const n = Number(row.n)
    add(shareType, row.share_type, n)
    add(cls, row.class, n)
    add(provider, row.provider_code, n)
  }
  const sorted = (counts: Map<string, number>): ResourceFacetCount[] =>
    [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  return { shareType: sorted(shareType), class: sorted(cls), provider: sorted(provider) }
}

function toSummary(r: SummaryRow): ResourceSummary {
  return {
    code: r.code,
    name: r.name,
    summary: r.summary,
    class: r.class,
    provider: r.provider_code,
    providerName: r.provider_name,
    divisionCode: r.division_code,
    shareType: r.share_type,
    formatCategory: r.format_category,
    updateCycle: r.update_cycle,
    status: r.status,
    currentVersion: r.current_version,
    publishedAt: r.published_at === null ? null : new Date(r.published_at).toISOString(),
    requestable: r.status === 'published' && r.current_version !== null && r.share_type !== 'not-shared',
  }
}

const SORT_CURSOR = 'The cursor is not one this API returned for this sort order'
const searchCursor = cursorCodec<Cursor>({
  write: (cursor) => JSON.stringify(cursor),
  read: (text) => {
    const c = JSON.parse(text) as Cursor
    const keyOk = typeof c.k === 'string' || typeof c.k === 'number'
    return keyOk && typeof c.id === 'string' && /^[0-9]{1,19}$/.test(c.id) ? c : undefined
  },
  detail: SORT_CURSOR,
})
const encodeCursor = searchCursor.encode

function decodeCursor(raw: string, sort: ResourceSort): Cursor {
  const c = searchCursor.decode(raw)
  if (c.s !== sort) throw invalidCursor(SORT_CURSOR)
  return c
}
