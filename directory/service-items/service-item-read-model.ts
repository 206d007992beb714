import type { Knex } from 'knex'
import { cursorCodec } from '../../platform/http/cursor.ts'
import type {
  ServiceItem,
  ServiceItemList,
  ServiceItemMaterial,
  ServiceItemSummary,
  ServiceItemType,
} from '../../schemas/generated/types.ts'
import { listMaterials } from './service-item-material-store.ts'
import { findServiceItem } from './service-item-store.ts'
import { findVersion } from './service-item-version-store.ts'

/**
 * Reads of the 事项 catalog that join other tables: the item with its materials, the search, and the
 * look-ups a change is checked against (departments, certificate types, resources).
 */

type Db = Knex | Knex.Transaction

export async function serviceItemView(db: Db, code: string): Promise<ServiceItem | undefined> {
  const record = await findServiceItem(db, code)
  return record && { ...record, materials: await listMaterials(db, code) }
}

/**
 * The materials of an item as a case accepted under `version` asks for them: that version's, which
 * stay when the item changes later; the current ones for cases accepted before items had versions.
 */
export async function materialsOfVersion(
  db: Db,
  code: string,
  version: number | null,
): Promise<ServiceItemMaterial[]> {
  const snapshot = version === null ? undefined : await findVersion(db, code, version)
  return snapshot ? snapshot.materials : listMaterials(db, code)
}

/**
 * A lateral join giving, for each row of `cases as <caseAlias>`, its material `<materialCodeSql>` as
 * the case's service item version has it (current materials for cases without a version), in the
 * columns of `MATERIAL_COLUMNS`: `left join lateral (${caseMaterialSql('c', 'k.material_code')}) m on true`.
 */
export function caseMaterialSql(caseAlias: string, materialCodeSql: string): string {
  const c = caseAlias
  return `select x.* from (
      select e->>'materialCode' as material_code, e->>'name' as name, (e->>'required')::boolean as required,
             (e->>'paperCopies')::int as paper_copies,
             array(select jsonb_array_elements_text(e->'certificateTypes')) as certificate_types,
             array(select jsonb_array_elements_text(e->'resourceCodes')) as resource_codes
        from service_item_versions v cross join jsonb_array_elements(v.snapshot->'materials') e
       where v.service_item_code = ${c}.service_item_code and v.version = ${c}.service_item_version
      union all
      select material_code, name, required, paper_copies, certificate_types, resource_codes
        from service_item_materials
       where service_item_code = ${c}.service_item_code and ${c}.service_item_version is null
    ) x where x.material_code = ${materialCodeSql} limit 1`
}

export interface ServiceItemSearchQuery {
  q?: string
  department?: string
  type?: ServiceItemType
  status?: 'active' | 'retired'
  origin?: 'local' | 'province'
  limit: number
  cursor?: string
}

/**
 * Keywords match a lower-cased text of code, implementation code, name, department name and material
 * names with `LIKE '%term%'` per term (all must match): a trigram index serves terms of three or more
 * characters; one- and two-character Chinese terms (e.g. 登记) are checked row by row, still correct.
 * Pages are in code order; the cursor is the last code of the page.
 */
export async function searchServiceItems(db: Knex, query: ServiceItemSearchQuery): Promise<ServiceItemList> {
  const terms = (query.q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '')
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor)
  const matching = () => {
    const q = db('service_items as s')
    for (const term of terms)
      q.where('s.search_text', 'like', `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    if (query.department) q.where('s.department_code', query.department)
    if (query.type) q.where('s.item_type', query.type)
    if (query.status) q.where('s.status', query.status)
    if (query.origin) q.where('s.origin', query.origin)
    return q
  }
  const page = matching()
    .leftJoin('departments as d', 'd.code', 's.department_code')
    .select(
      's.code',
      's.name',
      's.item_type',
      's.department_code',
      'd.name as department_name',
      's.promised_working_days',
      's.one_visit',
      's.version',
      's.status',
      's.origin',
      db.raw(
        '(select count(*)::int from service_item_materials m where m.service_item_code = s.code) as material_count',
      ),
    )
    .orderBy('s.code')
    .limit(query.limit + 1)
  if (after !== undefined) page.where('s.code', '>', after)
  const [rows, [count]] = await Promise.all([
    page as Promise<SummaryRow[]>,
    matching().count<{ n: string }[]>('* as n'),
  ])
  const items = rows.slice(0, query.limit)
  return {
    items: items.map(toSummary),
    nextCursor: rows.length > query.limit ? encodeCursor(items.at(-1)!.code) : null,
    total: Number(count?.n ?? 0),
  }
}

interface SummaryRow {
  code: string
  name: string
  item_type: ServiceItemType
  department_code: string | null
  department_name: string | null
  promised_working_days: number | null
  one_visit: boolean
  version: number
  status: 'active' | 'retired'
  origin: 'local' | 'province'
  material_count: number
}

function toSummary(r: SummaryRow): ServiceItemSummary {
  return {
    code: r.code,
    name: r.name,
    type: r.item_type,
    department: r.department_code,
    departmentName: r.department_name,
    promisedWorkingDays: r.promised_working_days,
    oneVisit: r.one_visit,
    version: r.version,
    status: r.status,
    origin: r.origin,
    materialCount: r.material_count,
  }
}

const { encode: encodeCursor, decode: decodeCursor } = cursorCodec<string>({
  write: (code) => JSON.stringify({ c: code }),
  read: (text) => {
    const c = JSON.parse(text) as { c?: unknown }
    return typeof c.c === 'string' ? c.c : undefined
  },
})

export interface DepartmentFacts {
  code: string
  name: string
  creditCode: string | null
  divisionCode: string
}

/** Departments by code (or, with `by: 'credit'`, by unified social credit code). */
export async function departmentFacts(
  db: Db,
  keys: readonly string[],
  by: 'code' | 'credit' = 'code',
): Promise<Map<string, DepartmentFacts>> {
  if (keys.length === 0) return new Map()
  const column = by === 'code' ? 'code' : 'credit_code'
  const rows = (await db('departments')
    .whereIn(column, [...new Set(keys)])
    .select('code', 'name', 'credit_code', 'division_code')) as {
    code: string
    name: string
    credit_code: string | null
    division_code: string
  }[]
  return new Map(
    rows.map((r) => [
      by === 'code' ? r.code : r.credit_code!,
      { code: r.code, name: r.name, creditCode: r.credit_code, divisionCode: r.division_code },
    ]),
  )
}

/** The certificate types and directory resources among `codes` that exist. */
export async function knownReplacements(
  db: Db,
  certificateTypes: readonly string[],
  resourceCodes: readonly string[],
): Promise<{ certificateTypes: Set<string>; resourceCodes: Set<string> }> {
  const codesIn = async (table: string, codes: readonly string[]) =>
    codes.length === 0
      ? []
      : ((await db(table)
          .whereIn('code', [...new Set(codes)])
          .select('code')) as { code: string }[])
  // One after the other: on a transaction, queries share one connection.
  const types = await codesIn('certificate_types', certificateTypes)
  const resources = await codesIn('resources', resourceCodes)
  return {
    certificateTypes: new Set(types.map((r) => r.code)),
    resourceCodes: new Set(resources.map((r) => r.code)),
  }
}

/** What case ingest knows of a service item a case names. */
export interface ServiceItemReference {
  code: string
  name: string
  departmentCode: string | null
  promisedWorkingDays: number | null
  /** The version a case accepted now is accepted under. */
  version: number
  status: 'active' | 'retired'
}

/**
 * What case ingest needs of the items a batch names, as one SELECT the cases feature unions with
 * its department look-up (one round trip per batch): columns kind, code, name, department_code,
 * promised_working_days, division_code, version, status. Bind the codes as a text array.
 */
export const SERVICE_ITEM_REFERENCE_SQL = `select 'item' as kind, code, name, department_code,
    promised_working_days, null as division_code, version, status
  from service_items where code = any(?::text[])`
