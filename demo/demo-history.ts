import type { Knex } from 'knex'
import { between, demoWorld, pick, seededRandom } from '../adapters/simulator-kit/demo-population.ts'
import { CaseService } from '../exchange/cases/case-service.ts'
import { DEMO_CITIZEN_ID_NUMBER } from '../platform/auth/demo-principals.ts'
import { type CalendarSettings, WorkingDayCalendar } from '../platform/calendar/working-days.ts'
import { detachedContext } from '../policies/request-context.ts'
import type { CaseChange } from '../schemas/generated/types.ts'
import type { HistoryCase } from './demo-history-model.ts'
import { seedHistoryRequests } from './demo-history-requests.ts'
import { writeHistoryTrail } from './demo-history-trail.ts'

/**
 * A year of demo activity, so every role sees something real from the first minute: cases with their
 * steps and results (a few overdue, a few still open), materials obtained by sharing, access requests
 * decided and overdue, and — through a real audit writer, so the chain verifies — fetches allowed and
 * denied with a few anomalies of each kind the anomaly reports look for. Spread over working days and
 * hours (platform/calendar). Deterministic: a seeded PRNG, times relative to the first start.
 * Idempotent: it runs once per database (`demo_seed_runs`), and the trail part only on an empty trail,
 * so its records stay in time order.
 */

export const HISTORY_RUN = 'demo-history-v1'
export const HISTORY_SEED = 20_261_204
const DAY = 86_400_000
const HOUR = 3_600_000

export interface DemoHistoryOptions {
  calendar: CalendarSettings
  /** HMAC key of the audit trail's subject identifiers (the hub's AUDIT_SUBJECT_KEY). */
  subjectKey: Buffer
  /** Working days a provider has to decide a request (REQUEST_DECISION_WORKDAYS). */
  decisionWorkdays: number
  /** Months of trail written (the retention window: older months would be archived at once). */
  trailMonths: number
  now?: Date
}

export interface DemoHistorySummary {
  cases: number
  changes: number
  materialsShared: number
  requests: number
  auditRecords: number
}

interface ItemSpec {
  code: string
  name: string
  department: string
  workingDays: number
  weight: number
  /** The shared resource a material is obtained from when no certificate replaces it. */
  resource: string
}

/** The demo service items the history files cases under (those of the seed on main). */
const ITEMS: readonly ItemSpec[] = [
  {
    code: '000107001000',
    name: '失业保险金申领',
    department: 'lf-hrss',
    workingDays: 5,
    weight: 3,
    resource: '203001/00001',
  },
  {
    code: '000107002000',
    name: '职工参保登记',
    department: 'lf-hrss',
    workingDays: 1,
    weight: 2,
    resource: '203001/00001',
  },
  {
    code: '000122003000',
    name: '住房公积金提取',
    department: 'lf-hfund',
    workingDays: 3,
    weight: 4,
    resource: '203002/00001',
  },
  {
    code: '000123004000',
    name: '不动产转移登记',
    department: 'lf-realestate',
    workingDays: 5,
    weight: 4,
    resource: '209001/00001',
  },
]

const CHANNELS = ['window', 'window', 'window', 'online', 'mobile', 'self-service'] as const

/** Runs the history once per database; null when it had already run. */
export async function seedDemoHistory(
  db: Knex,
  options: DemoHistoryOptions,
): Promise<DemoHistorySummary | null> {
  if (await db('demo_seed_runs').where({ name: HISTORY_RUN }).first()) return null
  const now = options.now ?? new Date()
  const calendar = new WorkingDayCalendar(options.calendar)
  const random = seededRandom(HISTORY_SEED)

  const cases = await planHistoryCases(db, random, calendar, now)
  const service = new CaseService(db)
  let changes = 0
  for (const [department, group] of groupBy(cases, (c) => c.department)) {
    const principal = {
      subject: `svc-${department}-window`,
      department,
      roles: ['service' as const],
      district: null,
    }
    for (const batch of batches(group, 100)) {
      await service.ingestBatch(
        detachedContext(principal),
        batch.flatMap((c) => c.changes),
      )
      changes += batch.reduce((n, c) => n + c.changes.length, 0)
    }
  }
  const fetchRows = cases.flatMap((c) =>
    c.fetches.map((f) => ({
      case_number: c.caseNumber,
      material_code: f.materialCode,
      certificate_id: f.certificateId,
      fetched_by: c.clerk,
      department_code: c.department,
      fetched_at: f.at,
    })),
  )
  for (const chunk of batches(fetchRows, 1000))
    await db('case_material_fetches').insert(chunk).onConflict(['case_number', 'material_code']).ignore()

  const grants = await seedHistoryRequests(db, calendar, options.decisionWorkdays, now)
  const trailEmpty = !(await db('audit_records').first('id'))
  const auditRecords = trailEmpty
    ? await writeHistoryTrail(db, {
        subjectKey: options.subjectKey,
        calendar,
        random,
        cases,
        grants,
        since: new Date(now.getTime() - options.trailMonths * 30 * DAY),
        now,
      })
    : 0
  const summary: DemoHistorySummary = {
    cases: cases.length,
    changes,
    materialsShared: fetchRows.length,
    requests: grants.length,
    auditRecords,
  }
  await db('demo_seed_runs')
    .insert({ name: HISTORY_RUN, summary: JSON.stringify(summary) })
    .onConflict('name')
    .ignore()
  return summary
}

/** A working-hours instant on Shanghai date `date`: 09:00–11:30 or 14:30–17:00. */
function workingInstant(random: () => number, date: string): Date {
  const minutes =
    random() < 0.55 ? between(random, 9 * 60, 11 * 60 + 30) : between(random, 14 * 60 + 30, 17 * 60)
  return new Date(Date.parse(`${date}T00:00:00Z`) - 8 * HOUR + minutes * 60_000)
}

/** The history's cases, planned from the service items, materials and certificates in `db` (reads only). */
export async function planHistoryCases(
  db: Knex,
  random: () => number,
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<HistoryCase[]> {
  const known = new Set(((await db('service_items').select('code')) as { code: string }[]).map((r) => r.code))
  const items = ITEMS.filter((i) => known.has(i.code))
  if (items.length === 0) return []
  const materials = (await db('service_item_materials')
    .whereIn(
      'service_item_code',
      items.map((i) => i.code),
    )
    .where({ required: true })
    .select('service_item_code', 'material_code', 'name', 'certificate_types')) as {
    service_item_code: string
    material_code: string
    name: string
    certificate_types: string[]
  }[]
  // Valid certificates of people who hold exactly one of their type: by type, by holder.
  const certificates = (await db('certificates')
    .where({ holder_id_type: 'resident-id', status: 'valid' })
    .orderBy('id')
    .select('id', 'type_code', 'holder_id_number')) as {
    id: string
    type_code: string
    holder_id_number: string
  }[]
  const byType = new Map<string, Map<string, string>>()
  for (const c of certificates) {
    const holders = byType.get(c.type_code) ?? new Map<string, string>()
    holders.set(c.holder_id_number, holders.has(c.holder_id_number) ? '' : c.id)
    byType.set(c.type_code, holders)
  }
  const people = demoWorld().people
  const weighted = items.flatMap((i) => Array.from({ length: i.weight }, () => i))
  const today = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10)
  const cases: HistoryCase[] = []
  for (let back = 365; back >= 1; back--) {
    const date = new Date(Date.parse(`${today}T00:00:00Z`) - back * DAY).toISOString().slice(0, 10)
    if (!calendar.isWorkingDay(date)) continue
    const count = between(random, 2, 6)
    for (let n = 1; n <= count; n++) {
      const item = pick(random, weighted)
      const department = random() < 0.5 ? 'lf-approval' : random() < 0.4 ? 'yd-approval' : item.department
      const caseNumber = `LF-H-${date.replace(/-/g, '')}-${String(n).padStart(3, '0')}`
      const itemMaterials = materials.filter((m) => m.service_item_code === item.code)
      const firstType = itemMaterials.find((m) => m.certificate_types.length > 0)?.certificate_types[0]
      const holders = firstType
        ? [...(byType.get(firstType) ?? new Map<string, string>()).entries()].filter(([, id]) => id)
        : []
      // The demo citizen's own history: a few of her cases in the last months.
      const applicantId =
        back <= 150 && back % 37 === 0
          ? DEMO_CITIZEN_ID_NUMBER
          : holders.length > 0 && random() < 0.8
            ? pick(random, holders)[0]
            : pick(random, people).residentId
      const person = people.find((p) => p.residentId === applicantId) ?? pick(random, people)
      const acceptedAt = workingInstant(random, date)
      const clerk = `clerk-${department}-${String(between(random, 1, 6)).padStart(2, '0')}`
      const fetches: HistoryCase['fetches'] = []
      const caseMaterials = itemMaterials.map((m) => {
        const certificateId = m.certificate_types
          .map((t) => byType.get(t)?.get(person.residentId))
          .find((id) => id)
        if (certificateId && random() < 0.8) {
          const at = new Date(acceptedAt.getTime() + between(random, 2, 20) * 60_000)
          fetches.push({
            materialCode: m.material_code,
            certificateId,
            typeCode: m.certificate_types[0]!,
            at,
          })
          return { name: m.name, source: 'certificate' as const, reference: certificateId }
        }
        return random() < 0.2
          ? { name: m.name, source: 'shared' as const, reference: item.resource }
          : { name: m.name, source: 'paper' as const }
      })
      const promisedAt = calendar.deadline(acceptedAt, item.workingDays)
      const late = random() < 0.08
      const decideDay = calendar.addWorkingDays(
        acceptedAt,
        late ? item.workingDays + between(random, 1, 3) : between(random, 0, item.workingDays),
      )
      const reviewAt = new Date(acceptedAt.getTime() + between(random, 20, 180) * 60_000)
      let decideAt = workingInstant(random, decideDay)
      if (decideAt <= reviewAt) decideAt = new Date(reviewAt.getTime() + between(random, 30, 90) * 60_000)
      const completeAt = new Date(decideAt.getTime() + between(random, 10, 60) * 60_000)
      const roll = random()
      const outcome = roll < 0.9 ? 'approved' : roll < 0.97 ? 'rejected' : 'withdrawn'
      const handler = `${pick(random, ['王', '李', '张', '刘', '陈', '赵'])}${pick(random, ['敏', '强', '静', '磊', '芳', '军'])}`
      const changes: CaseChange[] = [
        {
          caseNumber,
          sequence: 1,
          basic: {
            serviceItemCode: item.code,
            applicant: {
              kind: 'person',
              name: person.name,
              idType: 'resident-id',
              idNumber: person.residentId,
            },
            channel: pick(random, CHANNELS),
            acceptingDepartment: department,
            acceptedBy: clerk,
            acceptedAt: acceptedAt.toISOString(),
            promisedAt: promisedAt.toISOString(),
            summary: `${person.name}申请${item.name}`,
            materials: caseMaterials,
          },
        },
      ]
      const stillOpen = department !== 'lf-approval' && back <= 25 && random() < 0.3
      const steps: { at: Date; change: Omit<CaseChange, 'caseNumber' | 'sequence'> }[] = [
        {
          at: reviewAt,
          change: {
            step: {
              action: 'review',
              name: '审查',
              handler,
              opinion: '材料齐全，符合法定形式',
              startedAt: reviewAt.toISOString(),
              endedAt: new Date(reviewAt.getTime() + 40 * 60_000).toISOString(),
            },
          },
        },
      ]
      // Now and then an expert review (特别程序) between review and decision; its time stops the clock.
      const specialStart = new Date(reviewAt.getTime() + 60 * 60_000)
      const specialEnd = new Date(decideAt.getTime() - 30 * 60_000)
      if (!stillOpen && random() < 0.04 && specialEnd.getTime() - specialStart.getTime() > 2 * HOUR) {
        steps.push({
          at: specialEnd,
          change: {
            specialProcedure: {
              procedureId: 'SP1',
              type: 'expert-review',
              name: '专家评审',
              reason: '申请材料涉及权属争议，需专家论证',
              handler,
              result: '评审通过',
              startedAt: specialStart.toISOString(),
              endedAt: specialEnd.toISOString(),
            },
          },
        })
      }
      if (!stillOpen) {
        steps.push(
          {
            at: decideAt,
            change: {
              step: {
                action: 'decide',
                name: '决定',
                handler,
                opinion: outcome === 'rejected' ? '不符合办理条件' : '同意办理',
                startedAt: decideAt.toISOString(),
                endedAt: decideAt.toISOString(),
              },
            },
          },
          {
            at: completeAt,
            change: {
              step: {
                action: 'complete',
                name: '办结',
                handler,
                startedAt: completeAt.toISOString(),
                endedAt: completeAt.toISOString(),
                visit: random() < 0.12,
              },
            },
          },
          {
            at: completeAt,
            change: {
              result: {
                outcome,
                description:
                  outcome === 'approved' ? '准予办理' : outcome === 'rejected' ? '不予办理' : '申请人撤回',
                completedAt: completeAt.toISOString(),
                ...(outcome === 'approved'
                  ? { approvalDocumentNumber: `临审〔${date.slice(0, 4)}〕${caseNumber.slice(-7)}号` }
                  : {}),
              },
            },
          },
        )
      }
      for (const [i, s] of steps.entries()) {
        if (s.at.getTime() >= now.getTime()) break
        changes.push({ caseNumber, sequence: i + 2, ...s.change } as CaseChange)
      }
      cases.push({
        caseNumber,
        department,
        clerk,
        applicant: person.residentId,
        acceptedAt,
        changes,
        fetches,
      })
    }
  }
  return cases
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}
