import { randomUUID } from 'node:crypto'
import type { Knex } from 'knex'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { accepted, basicInfo, step } from '../../exchange/cases/case-test-support.ts'
import { contributionDraft, holdRecords } from '../../exchange/fetch/fetch-test-support.ts'
import type { DevIssuer } from '../../platform/auth/dev-issuer.ts'
import type { CaseChange, Principal } from '../../schemas/generated/types.ts'

/**
 * The traffic of the multi-instance test and the scale benchmark, sent over real HTTP (through the
 * load balancer or to one hub): audited fetches of hub-held records and case ingest.
 */

export const RELAY_LOCK_HOLDER_SQL = `
  select l.pid, a.client_port from pg_locks l join pg_stat_activity a on a.pid = l.pid
   where l.locktype = 'advisory' and l.granted and l.objsubid = 1 and l.database = (
           select oid from pg_database where datname = current_database())
     and l.classid = ((hashtextextended('hub.outbox.relay', 0) >> 32) & 4294967295)::oid
     and l.objid = (hashtextextended('hub.outbox.relay', 0) & 4294967295)::oid`

/** The PostgreSQL backend holding the outbox relay's advisory lock (the active relay's session) and its client port. */
export async function relayLockHolder(db: Knex): Promise<{ pid: number; clientPort: number } | null> {
  const { rows } = await db.raw<{ rows: { pid: number; client_port: number }[] }>(RELAY_LOCK_HOLDER_SQL)
  return rows[0] ? { pid: rows[0].pid, clientPort: rows[0].client_port } : null
}

const json = (token: string, requestId: string = randomUUID()) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  'x-request-id': requestId,
})

async function must(res: Response, status: number, what: string): Promise<Record<string, string>> {
  const body = await res.text()
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${body}`)
  return JSON.parse(body) as Record<string, string>
}

export interface FetchWorld {
  code: string
  grantId: string
  consumer: string
  steward: string
  people: { residentId: string; name: string }[]
}

/**
 * A published contribution resource of lf-hrss, granted to lf-approval (with `decision`'s extra
 * terms, e.g. limits), with hub-held records of 200 people.
 */
export async function seedFetchWorld(
  db: Knex,
  url: string,
  issuer: DevIssuer,
  {
    seq = '90001',
    decision = {},
    who = '',
  }: {
    seq?: string
    decision?: Record<string, unknown>
    /** Suffix of the token subjects: per-principal rate limits count per subject in the shared Redis. */
    who?: string
  } = {},
): Promise<FetchWorld> {
  const token = (roles: Principal['roles'], department: string, subject: string) =>
    issuer.issue({ subject: who ? `${subject}-${who}` : subject, department, roles, district: null })
  const steward = await token(['steward'], 'lf-hrss', 'cluster-steward')
  const reviewer = await token(['reviewer'], 'lf-bigdata', 'cluster-reviewer')
  const consumer = await token(['consumer'], 'lf-approval', 'cluster-consumer')
  const post = (path: string, who: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: body === undefined ? { authorization: `Bearer ${who}` } : json(who),
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const { code } = await must(await post('/v1/resources', steward, contributionDraft(seq)), 201, 'resource')
  const resource = `/v1/resources/${encodeURIComponent(code!)}`
  await must(await post(`${resource}/submit`, steward), 200, 'submit')
  await must(await post(`${resource}/publish`, reviewer), 200, 'publish')
  const id = await fileAccessRequest(url, consumer, code!)
  const { grantId } = await must(
    await post(`/v1/access-requests/${id}/decision`, steward, {
      outcome: 'approve',
      reason: '同意',
      masking: { gmsfhm: 'resident-id', xm: 'name' },
      ...decision,
    }),
    200,
    'decision',
  )
  const people = demoWorld({ people: 200 }).people.map((p) => ({ residentId: p.residentId, name: p.name }))
  await holdRecords(db, code!, people)
  return { code: code!, grantId: grantId!, consumer, steward, people }
}

/** A consumer's access request for a contribution resource (pending until a steward decides); its id. */
export async function fileAccessRequest(url: string, consumer: string, code: string): Promise<string> {
  const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset).toISOString().slice(0, 10)
  const res = await fetch(`${url}/v1/access-requests`, {
    method: 'POST',
    headers: json(consumer),
    body: JSON.stringify({
      resourceCode: code,
      items: ['gmsfhm', 'xm', 'jfny', 'xzlx'],
      purpose: { code: 'administrative-basis', text: '核验参保缴费情况' },
      legalBasis: '《社会保险法》第八十一条',
      serviceItems: ['SX-141000-SB-001'],
      period: { from: day(0), to: day(90 * 86_400_000) },
      expectedVolume: 100_000_000,
    }),
  })
  return (await must(res, 201, 'access request')).id!
}

/** One audited fetch of one subject; resolves with the status and the request id (0 on a broken connection). */
export async function fetchOne(
  url: string,
  world: FetchWorld,
  serial: number,
): Promise<{ status: number; requestId: string; problem?: unknown }> {
  const requestId = `cl-${randomUUID()}`
  const person = world.people[serial % world.people.length]!
  try {
    const res = await fetch(`${url}/v1/exchange/fetch`, {
      method: 'POST',
      headers: json(world.consumer, requestId),
      body: JSON.stringify({
        resourceCode: world.code,
        subjects: [{ type: 'resident-id', id: person.residentId }],
        purpose: { code: 'administrative-basis', text: '核验参保缴费情况' },
      }),
      signal: AbortSignal.timeout(20_000),
    })
    const body = await res.text()
    const problem = res.headers.get('content-type')?.startsWith('application/problem+json')
      ? (JSON.parse(body) as unknown)
      : undefined
    return { status: res.status, requestId: res.headers.get('x-request-id') ?? requestId, problem }
  } catch {
    return { status: 0, requestId }
  }
}

export interface LoadTally {
  /** Request ids answered 200. */
  ok: string[]
  /** Count per status (0: the connection broke, e.g. the hub was killed mid-request). */
  statuses: Record<number, number>
  /** Milliseconds per request, in completion order. */
  latencies: number[]
}

/** `concurrency` loops of fetches until `stop()` says so. */
export async function fetchLoad(
  url: string,
  world: FetchWorld,
  concurrency: number,
  stop: () => boolean,
): Promise<LoadTally> {
  const tally: LoadTally = { ok: [], statuses: {}, latencies: [] }
  let serial = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!stop()) {
        const started = performance.now()
        const { status, requestId } = await fetchOne(url, world, serial++)
        tally.latencies.push(performance.now() - started)
        tally.statuses[status] = (tally.statuses[status] ?? 0) + 1
        if (status === 200) tally.ok.push(requestId)
      }
    }),
  )
  return tally
}

/** Ten changes of one case: acceptance, seven reviews, completion, result. */
export function caseChanges(caseNumber: string, serial: number, perCase = 10): CaseChange[] {
  const changes: CaseChange[] = [accepted(caseNumber, basicInfo({}, serial))]
  for (let s = 2; s < perCase - 1; s++) changes.push(step(caseNumber, s, 'review'))
  changes.push(step(caseNumber, perCase - 1, 'complete'))
  changes.push({
    caseNumber,
    sequence: perCase,
    result: { outcome: 'approved', completedAt: '2026-11-22T00:00:00Z' },
  })
  return changes
}

/**
 * Pushes every change of each case in order, the cases concurrently. A change whose answer was lost
 * (connection broken, 502/503/504 while a hub dies) is sent again: changes are idempotent by
 * (case number, sequence), so the retry either applies it or replays the first answer.
 */
export async function ingestCases(
  url: string,
  /** One service principal for all cases, or one per case (per-principal rate limits). */
  token: string | ((caseNumber: string) => Promise<string>),
  caseNumbers: readonly string[],
  perCase = 10,
): Promise<{ acknowledged: number; retries: number }> {
  let acknowledged = 0
  let retries = 0
  await Promise.all(
    caseNumbers.map(async (caseNumber, i) => {
      const bearer = typeof token === 'string' ? token : await token(caseNumber)
      for (const change of caseChanges(caseNumber, i, perCase)) {
        for (let attempt = 0; ; attempt++) {
          const res = await fetch(`${url}/v1/cases/changes`, {
            method: 'POST',
            headers: json(bearer),
            body: JSON.stringify(change),
            signal: AbortSignal.timeout(20_000),
          }).catch(() => undefined)
          const body = await res?.text().catch(() => '')
          if (res && res.status >= 200 && res.status < 300) break
          if (res && ![502, 503, 504].includes(res.status)) {
            throw new Error(`case change ${caseNumber}/${change.sequence}: ${res.status} ${body}`)
          }
          if (attempt >= 50) throw new Error(`case change ${caseNumber}/${change.sequence}: no answer`)
          retries += 1
          await new Promise((r) => setTimeout(r, 100))
        }
        acknowledged += 1
      }
    }),
  )
  return { acknowledged, retries }
}
