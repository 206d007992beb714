import type { Knex } from 'knex'
import { demoWorld } from '../adapters/simulator-kit/demo-population.ts'
import { insertCertificate } from '../exchange/certificates/certificate-store.ts'
import type { CalendarSettings } from '../platform/calendar/working-days.ts'
import { formatCertificateId } from '../platform/identifiers/index.ts'
import { type DemoCase, seedDemoOpenCases } from './demo-cases.ts'

/**
 * Two more open cases at the demo clerk's window (seed data only), for the fetch outcomes the five
 * ordinary cases never reach: 住房公积金提取 for a person whose only 住房公积金缴存证明 has run out
 * (`expired`), and for a person who holds two valid ones (`ambiguous`: the clerk picks one).
 *
 * The applicants have no employer in the simulated population, so the housing-fund simulator
 * issues them no certificate of its own and the outcome is the same with or without simulators.
 * Kept apart from DEMO_OPEN_CASES so the counts the other demo data and tests rest on do not move.
 */
export const DEMO_OUTCOME_CASES = [
  { caseNumber: 'LF-ZH-2026-000106', item: 'fundWithdrawal', applicant: '141031198501166555' },
  { caseNumber: 'LF-ZH-2026-000107', item: 'fundWithdrawal', applicant: '141033198111100895' },
] as const satisfies readonly DemoCase[]

export const DEMO_EXPIRED_CASE = DEMO_OUTCOME_CASES[0]
export const DEMO_AMBIGUOUS_CASE = DEMO_OUTCOME_CASES[1]

const ISSUER = 'lf-hfund'

/** The certificates that make the outcomes: one expired, two valid (serials DEMOOUT1…3). */
const CERTIFICATES = [
  {
    applicant: DEMO_EXPIRED_CASE.applicant,
    validFrom: '2024-03-01',
    validUntil: '2024-08-31',
    paid: '2024-07',
  },
  {
    applicant: DEMO_AMBIGUOUS_CASE.applicant,
    validFrom: '2026-01-15',
    validUntil: '2027-12-31',
    paid: '2025-12',
  },
  {
    applicant: DEMO_AMBIGUOUS_CASE.applicant,
    validFrom: '2026-06-10',
    validUntil: '2027-12-31',
    paid: '2026-05',
  },
]

/** Idempotent; does nothing when the housing-fund centre is not a demo department. */
export async function seedDemoOutcomeCases(
  db: Knex,
  calendarSettings: CalendarSettings,
  now = new Date(),
): Promise<number> {
  const department = (await db('departments').where({ code: ISSUER }).first('credit_code')) as
    | { credit_code: string | null }
    | undefined
  if (!department?.credit_code) return 0
  const issuer = department.credit_code
  const typeCode = `${issuer}001`
  const people = demoWorld().byResidentId
  for (const [i, c] of CERTIFICATES.entries()) {
    const person = people.get(c.applicant)!
    await insertCertificate(db, {
      id: formatCertificateId({ typeCode, issuer, serial: `DEMOOUT${i + 1}`, version: '001' }),
      typeCode,
      issuerDepartment: ISSUER,
      holder: { idType: 'resident-id', idNumber: person.residentId, name: person.name },
      issuedOn: c.validFrom,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      faceData: { accountNumber: `14107${90_000 + i}`, monthlyAmount: 780 + i * 40, paidThrough: c.paid },
    })
  }
  return seedDemoOpenCases(db, calendarSettings, now, DEMO_OUTCOME_CASES)
}
