import type { Knex } from 'knex'
import { demoWorld } from '../adapters/simulator-kit/demo-population.ts'
import { CaseService } from '../exchange/cases/case-service.ts'
import { insertCertificate } from '../exchange/certificates/certificate-store.ts'
import { DEMO_CITIZEN_ID_NUMBER } from '../platform/auth/demo-principals.ts'
import { type CalendarSettings, WorkingDayCalendar } from '../platform/calendar/working-days.ts'
import { formatCertificateId } from '../platform/identifiers/index.ts'
import { detachedContext } from '../policies/request-context.ts'
import type { CaseChange, Principal } from '../schemas/generated/types.ts'

/**
 * The window clerk's open cases in the demo (seed data only): applications accepted at the
 * 综合受理窗口 of the demo clerk's department (lf-approval) under the demo service items whose
 * materials a certificate can replace, for people of the demo population who hold exactly one valid
 * certificate of each type asked for — so "fetch the certificate" finds it, unambiguously.
 *
 * The service items and the certificate types each needs are named here, once; when the 事项 catalog
 * seed moves, point DEMO_CASE_ITEMS at its codes.
 */

/** The department whose clerk works these cases: the demo `clerk` principal's. */
export const DEMO_CLERK_DEPARTMENT = 'lf-approval'

/** Service items with certificate-backed materials, and the issuing departments of those types. */
export const DEMO_CASE_ITEMS = {
  unemployment: { code: '000107001000', name: '失业保险金申领', issuers: ['lf-hrss'], workingDays: 5 },
  fundWithdrawal: {
    code: '000122003000',
    name: '住房公积金提取',
    issuers: ['lf-hfund', 'lf-housing'],
    workingDays: 3,
  },
  propertyTransfer: {
    code: '000123004000',
    name: '不动产转移登记',
    issuers: ['lf-realestate'],
    workingDays: 5,
  },
} as const

type ItemKey = keyof typeof DEMO_CASE_ITEMS

/**
 * The open cases. The applicants are people of the simulated population (`demoWorld()`), chosen so
 * that the department simulators issue each exactly one certificate of every type the item needs;
 * the demo citizen (张然英) applies twice.
 */
export interface DemoCase {
  caseNumber: string
  item: ItemKey
  applicant: string
}

export const DEMO_OPEN_CASES: readonly DemoCase[] = [
  { caseNumber: 'LF-ZH-2026-000101', item: 'fundWithdrawal', applicant: DEMO_CITIZEN_ID_NUMBER },
  { caseNumber: 'LF-ZH-2026-000102', item: 'propertyTransfer', applicant: DEMO_CITIZEN_ID_NUMBER },
  { caseNumber: 'LF-ZH-2026-000103', item: 'unemployment', applicant: '141002197506035937' },
  { caseNumber: 'LF-ZH-2026-000104', item: 'propertyTransfer', applicant: '141002198703071376' },
  { caseNumber: 'LF-ZH-2026-000105', item: 'fundWithdrawal', applicant: '141025200101173062' },
]

/** The hall's system that pushes the window's cases to the hub. */
const WINDOW_SYSTEM: Principal = {
  subject: 'svc-approval-window',
  department: DEMO_CLERK_DEPARTMENT,
  roles: ['service'],
  district: '141000',
}

/** The last `count` working-hour moments before `now`, oldest first: 09:30, 10:15, … on working days. */
export function recentWorkingMoments(calendar: WorkingDayCalendar, now: Date, count: number): Date[] {
  const moments: Date[] = []
  const dayMs = 86_400_000
  for (let back = 0; moments.length < count && back < 60; back++) {
    const date = new Date(now.getTime() + 8 * 3_600_000 - back * dayMs).toISOString().slice(0, 10)
    if (!calendar.isWorkingDay(date)) continue
    for (let slot = 6; slot >= 0 && moments.length < count; slot--) {
      // 09:30 + 45 min per slot, China Standard Time (UTC+8).
      const at = new Date(Date.parse(`${date}T01:30:00Z`) + slot * 45 * 60_000)
      if (at.getTime() < now.getTime() - 5 * 60_000) moments.push(at)
    }
  }
  return moments.reverse()
}

/** Idempotent: a case already recorded is replayed, not duplicated. */
export async function seedDemoOpenCases(
  db: Knex,
  calendarSettings: CalendarSettings,
  now = new Date(),
  cases: readonly DemoCase[] = DEMO_OPEN_CASES,
): Promise<number> {
  const calendar = new WorkingDayCalendar(calendarSettings)
  const known = new Set(
    (
      (await db('cases')
        .whereIn(
          'case_number',
          cases.map((c) => c.caseNumber),
        )
        .select('case_number')) as { case_number: string }[]
    ).map((r) => r.case_number),
  )
  const fresh = cases.filter((c) => !known.has(c.caseNumber))
  if (fresh.length === 0) return 0
  const people = demoWorld().byResidentId
  const moments = recentWorkingMoments(calendar, now, fresh.length)
  const changes: CaseChange[] = fresh.map((c, i) => {
    const person = people.get(c.applicant)
    if (!person) throw new Error(`demo case ${c.caseNumber}: applicant is not of the demo population`)
    const item = DEMO_CASE_ITEMS[c.item]
    const acceptedAt = moments[i]!
    return {
      caseNumber: c.caseNumber,
      sequence: 1,
      basic: {
        serviceItemCode: item.code,
        applicant: {
          kind: 'person',
          name: person.name,
          idType: 'resident-id',
          idNumber: person.residentId,
          mobile: person.mobile,
        },
        channel: 'window',
        acceptingDepartment: DEMO_CLERK_DEPARTMENT,
        acceptedBy: '综合受理窗口 3号',
        acceptedAt: acceptedAt.toISOString(),
        promisedAt: calendar.deadline(acceptedAt, item.workingDays).toISOString(),
        summary: `${person.name}申请${item.name}`,
        materials: [],
      },
    }
  })
  // Seeding acts as the window system outside any request: a detached context, nothing audited.
  await new CaseService(db).ingestBatch(detachedContext(WINDOW_SYSTEM), changes)
  return changes.length
}

/**
 * Services mode has no department simulators to feed certificates, so the applicants of the open
 * cases get theirs here — one per type their case needs, and only where they hold none of that type.
 */
export async function ensureDemoCaseCertificates(db: Knex): Promise<number> {
  const departments = (await db('departments').select('code', 'credit_code')) as {
    code: string
    credit_code: string
  }[]
  const credit = new Map(departments.map((d) => [d.code, d.credit_code]))
  const people = demoWorld().byResidentId
  let inserted = 0
  for (const [n, c] of DEMO_OPEN_CASES.entries()) {
    const person = people.get(c.applicant)!
    for (const issuer of DEMO_CASE_ITEMS[c.item].issuers) {
      const issuerCredit = credit.get(issuer)
      if (!issuerCredit) continue
      const typeCode = `${issuerCredit}001`
      const held = await db('certificates')
        .where({ type_code: typeCode, holder_id_type: 'resident-id', holder_id_number: person.residentId })
        .first('id')
      if (held) continue
      const added = await insertCertificate(db, {
        id: formatCertificateId({
          typeCode,
          issuer: issuerCredit,
          serial: `DEMOCASE${n + 1}`,
          version: '001',
        }),
        typeCode,
        issuerDepartment: issuer,
        holder: { idType: 'resident-id', idNumber: person.residentId, name: person.name },
        issuedOn: '2026-01-15',
        validFrom: '2026-01-15',
        validUntil: issuer === 'lf-realestate' ? null : '2027-12-31',
        faceData: FACE_DATA[issuer]?.(n) ?? {},
      })
      if (added) inserted += 1
    }
  }
  return inserted
}

const FACE_DATA: Record<string, (n: number) => Record<string, unknown>> = {
  'lf-realestate': (n) => ({
    certificateNumber: `晋(2024)临汾市不动产权第${String(2_000_100 + n).padStart(7, '0')}号`,
    location: `滨河花园${n + 1}号楼2单元1201室`,
    area: 96.4 + n,
  }),
  'lf-hfund': (n) => ({
    accountNumber: `14106${String(80_000 + n)}`,
    monthlyAmount: 920 + n * 10,
    paidThrough: '2026-11',
  }),
  'lf-hrss': (n) => ({ insuranceKinds: '110,310,210', months: 96 + n }),
  'lf-housing': (n) => ({
    contractNumber: `LFBA2024${String(300 + n).padStart(5, '0')}`,
    project: '滨河花园',
  }),
}
