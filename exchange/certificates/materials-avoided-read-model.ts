import type { Knex } from 'knex'
import type {
  CertificateMaterialsAvoided,
  CertificateMaterialsAvoidedRow,
} from '../../schemas/generated/types.ts'

/** The plan's goals: paper materials cut by 30% in year one and 60% in year two. */
export const GOALS = { yearOne: 0.3, yearTwo: 0.6 } as const

/**
 * Paper materials avoided: for the cases accepted in a window, each required material of the case's
 * service item counts once as required, and once as replaced when it was obtained by sharing.
 */
export async function materialsAvoided(
  db: Knex,
  window: { from: string; to: string; department: string | null },
): Promise<CertificateMaterialsAvoided> {
  const { rows } = (await db.raw(
    `select c.service_item_code, c.department_code,
            count(*)::int as cases,
            coalesce(sum(r.n), 0)::int as required,
            coalesce(sum(f.n), 0)::int as replaced
       from cases c
       left join (select service_item_code, count(*) as n from service_item_materials
                   where required group by service_item_code) r on r.service_item_code = c.service_item_code
       left join (select f.case_number, count(*) as n
                    from case_material_fetches f
                    join cases fc on fc.case_number = f.case_number
                    join service_item_materials m on m.service_item_code = fc.service_item_code
                                                 and m.material_code = f.material_code and m.required
                   group by f.case_number) f on f.case_number = c.case_number
      where c.accepted_at >= ? and c.accepted_at < ? and (?::text is null or c.department_code = ?)
      group by c.service_item_code, c.department_code
      order by c.service_item_code, c.department_code`,
    [window.from, window.to, window.department, window.department],
  )) as {
    rows: {
      service_item_code: string
      department_code: string
      cases: number
      required: number
      replaced: number
    }[]
  }

  const items = rows.map((r) => row(r.service_item_code, r.department_code, r.cases, r.required, r.replaced))
  const sum = (key: 'cases' | 'required' | 'replaced') => items.reduce((n, i) => n + i[key], 0)
  return {
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    goals: { ...GOALS },
    total: row(null, null, sum('cases'), sum('required'), sum('replaced')),
    items,
  }
}

function row(
  serviceItemCode: string | null,
  departmentCode: string | null,
  cases: number,
  required: number,
  replaced: number,
): CertificateMaterialsAvoidedRow {
  const ratio = required === 0 ? 0 : Math.round((replaced / required) * 10_000) / 10_000
  return {
    serviceItemCode,
    departmentCode,
    cases,
    required,
    replaced,
    ratio,
    meetsYearOne: required > 0 && ratio >= GOALS.yearOne,
    meetsYearTwo: required > 0 && ratio >= GOALS.yearTwo,
  }
}
