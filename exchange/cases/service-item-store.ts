import type { Knex } from 'knex'

/** The SQL of `service_items` (事项) and the demo items of the reference city. */

type Db = Knex | Knex.Transaction

export interface ServiceItem {
  code: string
  name: string
  departmentCode: string | null
  promisedWorkingDays: number | null
}

export async function findServiceItem(db: Db, code: string): Promise<ServiceItem | undefined> {
  const row = (await db('service_items').where({ code }).first()) as
    | { code: string; name: string; department_code: string | null; promised_working_days: number | null }
    | undefined
  return (
    row && {
      code: row.code,
      name: row.name,
      departmentCode: row.department_code,
      promisedWorkingDays: row.promised_working_days,
    }
  )
}

export async function findServiceItems(db: Db, codes: readonly string[]): Promise<Map<string, ServiceItem>> {
  if (codes.length === 0) return new Map()
  const rows = (await db('service_items').whereIn('code', [...new Set(codes)])) as {
    code: string
    name: string
    department_code: string | null
    promised_working_days: number | null
  }[]
  return new Map(
    rows.map((row) => [
      row.code,
      {
        code: row.code,
        name: row.name,
        departmentCode: row.department_code,
        promisedWorkingDays: row.promised_working_days,
      },
    ]),
  )
}

/** Demo items (Linfen; seed data only). Codes are opaque 基本编码-style strings. */
export const DEMO_SERVICE_ITEMS: readonly ServiceItem[] = [
  { code: '000107001000', name: '失业保险金申领', departmentCode: 'lf-hrss', promisedWorkingDays: 5 },
  { code: '000107002000', name: '职工参保登记', departmentCode: 'lf-hrss', promisedWorkingDays: 1 },
  { code: '000122003000', name: '住房公积金提取', departmentCode: 'lf-hfund', promisedWorkingDays: 3 },
  { code: '000123004000', name: '不动产转移登记', departmentCode: 'lf-realestate', promisedWorkingDays: 5 },
  { code: '000140005000', name: '企业设立登记', departmentCode: 'lf-approval', promisedWorkingDays: 1 },
]

/** Idempotent: existing codes are left alone. Needs the demo departments (or none of them referenced). */
export async function seedDemoServiceItems(db: Db): Promise<void> {
  const departments = new Set(
    ((await db('departments').select('code')) as { code: string }[]).map((d) => d.code),
  )
  const rows = DEMO_SERVICE_ITEMS.map((item) => ({
    code: item.code,
    name: item.name,
    department_code: item.departmentCode && departments.has(item.departmentCode) ? item.departmentCode : null,
    promised_working_days: item.promisedWorkingDays,
  }))
  await db('service_items').insert(rows).onConflict('code').ignore()
}
