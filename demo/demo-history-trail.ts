import type { Knex } from 'knex'
import { between, demoWorld, pick } from '../adapters/simulator-kit/demo-population.ts'
import { type AuditEntry, AuditWriter } from '../audit/audit-writer.ts'
import { DEMO_CITIZEN_ID_NUMBER } from '../platform/auth/demo-principals.ts'
import type { WorkingDayCalendar } from '../platform/calendar/working-days.ts'
import type { HistoryCase } from './demo-history-model.ts'
import type { HistoryGrant } from './demo-history-requests.ts'

/**
 * The audit trail of the demo history, written through a real AuditWriter (so the hash chain and the
 * subject hashes are exactly what the hub writes) with its clock set to each record's time:
 * clerks' certificate fetches for the history's cases, consumers' fetches under the history's grants,
 * and — inside the last 30 days, where the anomaly reports look by default — one case of each rule:
 * accesses without a case, attempts after a grant ended, a volume spike, off-hours bulk access and
 * repeated denials.
 */

const DAY = 86_400_000
const HOUR = 3_600_000

/** Who fetched under each history grant (by the request's key), and the item codes returned. */
const FETCHERS: Record<string, { principal: string; roles: string[]; items: string[]; item?: string }> = {
  'hfund-contributions': {
    principal: 'officer-hfund-03',
    roles: ['consumer'],
    items: ['gmsfhm', 'xm', 'jfny', 'jfjs', 'jfzt'],
    item: '000122003000',
  },
  'approval-estate': {
    principal: 'officer-approval-01',
    roles: ['consumer'],
    items: ['qlrmc', 'qlrzjh', 'zl', 'bdcqzh'],
    item: '000123004000',
  },
  'yd-contributions': {
    principal: 'officer-yd-02',
    roles: ['consumer'],
    items: ['gmsfhm', 'xm', 'jfny', 'jfzt'],
    item: '000107001000',
  },
  'housing-estate': { principal: 'svc-housing-sync', roles: ['consumer'], items: ['bdcdyh', 'zl', 'djsj'] },
  'estate-filings': {
    principal: 'officer-estate-02',
    roles: ['consumer'],
    items: ['htbh', 'msrxm', 'msrzjh', 'fwzl'],
    item: '000123004000',
  },
}

interface Timed {
  at: Date
  entry: AuditEntry
}

export interface TrailOptions {
  subjectKey: Buffer
  calendar: WorkingDayCalendar
  random: () => number
  cases: readonly HistoryCase[]
  grants: readonly HistoryGrant[]
  /** Oldest time written. */
  since: Date
  now: Date
}

/** Writes the history's trail in time order; returns the number of records. */
export async function writeHistoryTrail(db: Knex, options: TrailOptions): Promise<number> {
  const timed = [...clerkFetches(options), ...grantFetches(options), ...anomalies(options)]
    .filter((t) => t.at >= options.since && t.at < options.now)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
  let clock = 0
  const writer = new AuditWriter({ db, subjectKey: options.subjectKey, now: () => clock })
  const written: Promise<unknown>[] = []
  for (const { at, entry } of timed) {
    clock = at.getTime()
    written.push(writer.record(entry))
  }
  await Promise.all(written)
  await writer.close()
  return timed.length
}

function clerkFetches({ cases }: TrailOptions): Timed[] {
  return cases.flatMap((c) =>
    c.fetches.map((f) => ({
      at: f.at,
      entry: {
        principal: c.clerk,
        department: c.department,
        roles: ['clerk'],
        action: 'certificates.fetch',
        resourceType: 'certificate',
        resourceId: f.certificateId,
        subjectId: c.applicant,
        items: [f.typeCode],
        caseNumber: c.caseNumber,
        outcome: 'allowed' as const,
        reason: 'found',
        details: { materialCode: f.materialCode, outcome: 'found' },
      },
    })),
  )
}

function fetchEntry(
  grant: HistoryGrant,
  fetcher: (typeof FETCHERS)[string],
  subjectId: string | null,
  caseNumber: string | null,
  denied?: string,
): AuditEntry {
  return {
    principal: fetcher.principal,
    department: grant.consumer,
    roles: fetcher.roles,
    action: 'exchange.fetch',
    resourceType: 'resource',
    resourceId: grant.resourceCode,
    subjectId,
    items: denied ? [] : fetcher.items,
    purpose: grant.purposeCode,
    caseNumber,
    grantId: grant.id,
    outcome: denied ? 'denied' : 'allowed',
    reason: denied ?? null,
    details: denied ? null : { records: 1, hubHeld: false },
  }
}

/** For each case of the grant's service item at the consumer, one fetch about its applicant. */
function grantFetches({ cases, grants, random }: TrailOptions): Timed[] {
  const out: Timed[] = []
  for (const grant of grants) {
    const fetcher = FETCHERS[grant.key]
    if (!fetcher?.item) continue
    for (const c of cases) {
      if (c.department !== grant.consumer || c.changes[0]?.basic?.serviceItemCode !== fetcher.item) continue
      const at = new Date(c.acceptedAt.getTime() + between(random, 5, 40) * 60_000)
      if (at < grant.validFrom || at >= grant.endsAt) continue
      out.push({ at, entry: fetchEntry(grant, fetcher, c.applicant, c.caseNumber) })
    }
  }
  return out
}

/** The last `n` working days before `now` (Shanghai dates), newest first. */
function recentWorkingDays(calendar: WorkingDayCalendar, now: Date, n: number): string[] {
  const days: string[] = []
  for (let back = 1; days.length < n && back < 60; back++) {
    const date = new Date(now.getTime() + 8 * HOUR - back * DAY).toISOString().slice(0, 10)
    if (calendar.isWorkingDay(date)) days.push(date)
  }
  return days
}

/** China Standard Time `hh:mm` on `date`, as an instant. */
const cst = (date: string, hour: number, minute = 0) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 8) * HOUR + minute * 60_000)

function anomalies({ calendar, random, grants, cases, now }: TrailOptions): Timed[] {
  const out: Timed[] = []
  const days = recentWorkingDays(calendar, now, 20)
  const people = demoWorld().people
  const byKey = new Map(grants.map((g) => [g.key, g]))

  // Access without a case: the housing bureau's sync service reads a few records a day, no case.
  const housing = byKey.get('housing-estate')
  if (housing) {
    for (const date of days) {
      for (let i = 0; i < between(random, 2, 4); i++) {
        const at = cst(date, between(random, 9, 16), between(random, 0, 59))
        out.push({
          at,
          entry: fetchEntry(housing, FETCHERS['housing-estate']!, pick(random, people).residentId, null),
        })
      }
    }
    // Off-hours bulk: 64 reads between 22:00 and 23:00 on a working day.
    const night = days[4]
    if (night)
      for (let i = 0; i < 64; i++)
        out.push({
          at: cst(night, 22, Math.floor(i * 0.9)),
          entry: fetchEntry(housing, FETCHERS['housing-estate']!, pick(random, people).residentId, null),
        })
  }

  // After the grant ended: the fund centre's officer tries again after expiry, the district after revocation.
  for (const key of ['hfund-contributions', 'yd-contributions']) {
    const grant = byKey.get(key)
    if (!grant?.endReason) continue
    for (const date of days.slice(2, 5))
      out.push({
        at: cst(date, 10, between(random, 0, 59)),
        entry: fetchEntry(grant, FETCHERS[key]!, pick(random, people).residentId, null, grant.endReason),
      })
  }

  // A volume spike: the approval bureau's officer, usually one read per case, reads 14 in one hour.
  const estate = byKey.get('approval-estate')
  const spikeDay = days[7]
  if (estate && spikeDay) {
    for (let i = 0; i < 14; i++)
      out.push({
        at: cst(spikeDay, 15, i * 4),
        entry: fetchEntry(estate, FETCHERS['approval-estate']!, pick(random, people).residentId, null),
      })
    // And the demo citizen's data, read for her latest property transfer.
    const hers = cases.filter((c) => c.applicant === DEMO_CITIZEN_ID_NUMBER).at(-1)
    out.push({
      at: hers ? new Date(hers.acceptedAt.getTime() + 25 * 60_000) : cst(days[3] ?? spikeDay, 9, 42),
      entry: fetchEntry(
        estate,
        FETCHERS['approval-estate']!,
        DEMO_CITIZEN_ID_NUMBER,
        hers?.caseNumber ?? null,
      ),
    })
  }

  // Repeated denials: a county officer keeps asking for data his department was refused.
  const refusedAsker = {
    principal: 'officer-qw-hrss-07',
    department: 'qw-hrss',
    roles: ['consumer'],
    action: 'exchange.fetch',
    resourceType: 'resource',
    resourceId: '209001/00001',
    items: [],
    purpose: 'labour-inspection',
    outcome: 'denied' as const,
    reason: 'not-granted',
  }
  for (const [i, date] of days.slice(0, 7).entries())
    out.push({
      at: cst(date, 11, i * 3),
      entry: { ...refusedAsker, subjectId: pick(random, people).residentId, caseNumber: null },
    })
  return out
}
