import type { FieldProblem } from '../../platform/errors/app-error.ts'
import type { ServiceItemType } from '../../schemas/generated/types.ts'
import type { ItemInput, MaterialInput } from './service-item-rules.ts'

/**
 * The CSV form of a bulk import: one row per material (item columns repeated, or left blank on the
 * item's later rows), rows of one item grouped by `code`; an item without materials is one row with
 * an empty `materialCode`. Lists (`certificateTypes`, `resourceCodes`) are separated by `;`. The
 * header names the columns (any order); lines count from 1 for the header.
 */

export const CSV_COLUMNS = [
  'code',
  'implementationCode',
  'name',
  'type',
  'department',
  'legalBasis',
  'promisedWorkingDays',
  'oneVisit',
  'materialCode',
  'materialName',
  'materialRequired',
  'paperCopies',
  'certificateTypes',
  'resourceCodes',
] as const

type Column = (typeof CSV_COLUMNS)[number]
const REQUIRED_COLUMNS: Column[] = ['code', 'name', 'type', 'department']
const ITEM_COLUMNS: Column[] = CSV_COLUMNS.slice(1, 8) as Column[]

/** The closed list of types, by English code or by Chinese name. */
const TYPES: Record<string, ServiceItemType> = {
  行政许可: 'administrative-licensing',
  行政确认: 'administrative-confirmation',
  行政给付: 'administrative-payment',
  行政奖励: 'administrative-reward',
  行政裁决: 'administrative-adjudication',
  其他行政权力: 'other-administrative-power',
  公共服务: 'public-service',
}
const TYPE_CODES = new Set<string>(Object.values(TYPES))

export interface CsvImport {
  drafts: ItemInput[]
  problems: FieldProblem[]
  /** The CSV line of item `i` (`item`) and of its material `j` (`materials[j]`), for error paths. */
  lines: { item: number; materials: number[] }[]
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): { records: string[][]; error: string | null } {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  const src = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      record.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += c
  }
  if (quoted) return { records, error: 'a quoted field is not closed' }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return { records: records.filter((r) => r.some((f) => f.trim() !== '')), error: null }
}

export function csvToDrafts(text: string): CsvImport {
  const problems: FieldProblem[] = []
  const { records, error } = parseCsvRecords(text)
  if (error) return { drafts: [], lines: [], problems: [{ path: '/body', message: error }] }
  const [header, ...rows] = records
  const columns = (header ?? []).map((h) => h.trim())
  for (const [i, c] of columns.entries())
    if (!(CSV_COLUMNS as readonly string[]).includes(c))
      problems.push({
        path: `/body/rows/1/${c || i}`,
        message: `unknown column; use ${CSV_COLUMNS.join(', ')}`,
      })
  for (const c of REQUIRED_COLUMNS)
    if (!columns.includes(c))
      problems.push({ path: `/body/rows/1/${c}`, message: 'the header lacks this column' })
  if (rows.length === 0) problems.push({ path: '/body', message: 'no rows after the header' })
  if (problems.length > 0) return { drafts: [], lines: [], problems }

  const drafts: (Omit<ItemInput, 'materials'> & { materials: MaterialInput[] })[] = []
  const lines: CsvImport['lines'] = []
  const byCode = new Map<string, number>()
  const firstValues = new Map<number, Record<string, string>>()
  for (const [r, row] of rows.entries()) {
    const line = r + 2
    const get = (c: Column) => (row[columns.indexOf(c)] ?? '').trim()
    const at = (c: string) => `/body/rows/${line}/${c}`
    const bool = (c: Column): boolean | undefined => {
      const v = get(c).toLowerCase()
      if (['true', '1', 'yes', '是', 'y'].includes(v)) return true
      if (['false', '0', 'no', '否', 'n', ''].includes(v)) return false
      problems.push({ path: at(c), message: 'must be true or false (是/否)' })
      return undefined
    }
    const int = (c: Column): number | null => {
      const v = get(c)
      if (v === '') return null
      if (!/^\d{1,3}$/.test(v)) {
        problems.push({ path: at(c), message: 'must be a whole number' })
        return null
      }
      return Number(v)
    }
    const code = get('code')
    if (code === '') {
      problems.push({ path: at('code'), message: 'must not be empty' })
      continue
    }
    let index = byCode.get(code)
    if (index === undefined) {
      for (const c of ['name', 'type', 'department'] as const)
        if (get(c) === '') problems.push({ path: at(c), message: 'must not be empty' })
      const type =
        TYPES[get('type')] ?? (TYPE_CODES.has(get('type')) ? (get('type') as ServiceItemType) : undefined)
      if (get('type') !== '' && !type)
        problems.push({ path: at('type'), message: `must be one of ${Object.keys(TYPES).join('、')}` })
      index = drafts.length
      byCode.set(code, index)
      firstValues.set(index, Object.fromEntries(ITEM_COLUMNS.map((c) => [c, get(c)])))
      drafts.push({
        code,
        ...(get('implementationCode') ? { implementationCode: get('implementationCode') } : {}),
        name: get('name'),
        type: type ?? 'public-service',
        department: get('department'),
        legalBasis: get('legalBasis'),
        promisedWorkingDays: int('promisedWorkingDays'),
        oneVisit: bool('oneVisit') ?? false,
        materials: [],
      })
      lines.push({ item: line, materials: [] })
    } else {
      const first = firstValues.get(index)!
      for (const c of ITEM_COLUMNS)
        if (get(c) !== '' && get(c) !== first[c])
          problems.push({
            path: at(c),
            message: `differs from the first row of ${code}; leave it blank or repeat it`,
          })
    }
    if (get('materialCode') === '') continue
    if (!/^[0-9A-Za-z_-]{1,32}$/.test(get('materialCode')))
      problems.push({ path: at('materialCode'), message: 'must be 1–32 letters, digits, _ or -' })
    if (get('materialName') === '') problems.push({ path: at('materialName'), message: 'must not be empty' })
    const list = (c: Column) =>
      get(c)
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    drafts[index]!.materials.push({
      materialCode: get('materialCode'),
      name: get('materialName'),
      required:
        columns.includes('materialRequired') && get('materialRequired') !== ''
          ? (bool('materialRequired') ?? true)
          : true,
      paperCopies: int('paperCopies') ?? 1,
      certificateTypes: list('certificateTypes'),
      resourceCodes: list('resourceCodes'),
    })
    lines[index]!.materials.push(line)
  }
  return { drafts, lines, problems }
}

/** `/body/items/<i>[/materials/<j>]/<field>` of a converted draft ⇒ `/body/rows/<line>/<field>`. */
export function csvPath(lines: CsvImport['lines'], path: string): string {
  const m = /^\/body\/items\/(\d+)(?:\/materials\/(\d+))?(\/.*)?$/.exec(path)
  if (!m) return path
  const item = lines[Number(m[1])]
  if (!item) return path
  const line = m[2] === undefined ? item.item : (item.materials[Number(m[2])] ?? item.item)
  return `/body/rows/${line}${m[3] ?? ''}`
}
