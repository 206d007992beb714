import type { Knex } from 'knex'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { publishResource, requestBody, type Who } from '../../directory/requests/access-test-support.ts'
import { sampleDraft } from '../../directory/resources/resource-test-support.ts'
import type { ResourceDraft } from '../../schemas/generated/types.ts'
import type { TestApp } from '../../test/support/test-app.ts'

/** Fixtures of the fetch tests: lf-hrss provides contribution records, lf-approval consumes them. */

const item = (code: string, name: string, length: number, personal: boolean) => ({
  code,
  name,
  dataType: 'C' as const,
  length,
  personal,
  sensitivity: personal ? 3 : 1,
  shareType: 'conditional' as const,
  shareCondition: '依申请人授权',
  open: false,
})

/** A contribution resource of lf-hrss served by the `hrss` adapter (items gmsfhm, xm, jfny, xzlx). */
export function contributionDraft(seq: string): ResourceDraft {
  return sampleDraft(seq, {
    items: [
      item('gmsfhm', '公民身份号码', 18, true),
      item('xm', '姓名', 50, true),
      item('jfny', '缴费年月', 7, false),
      item('xzlx', '险种类型', 20, false),
    ],
    sourceAdapter: 'hrss',
  })
}

/** Publishes a contribution resource and grants it to lf-approval as `decision` says; returns both ids. */
export async function grantedResource(
  hub: TestApp,
  tokens: Record<Who, string>,
  seq: string,
  decision: Record<string, unknown> = {},
): Promise<{ code: string; grantId: string }> {
  const code = await publishResource(hub, tokens, contributionDraft(seq))
  const as = (who: Who) => ({ authorization: `Bearer ${tokens[who]}` })
  const filed = await hub.app.inject({
    method: 'POST',
    url: '/v1/access-requests',
    headers: as('consumer'),
    payload: requestBody(code, { items: ['gmsfhm', 'xm', 'jfny', 'xzlx'] }),
  })
  if (filed.statusCode !== 201) throw new Error(`request: ${filed.statusCode} ${filed.body}`)
  const decided = await hub.app.inject({
    method: 'POST',
    url: `/v1/access-requests/${filed.json().id}/decision`,
    headers: as('steward'),
    payload: { outcome: 'approve', reason: '同意', ...decision },
  })
  if (decided.statusCode !== 200) throw new Error(`decision: ${decided.statusCode} ${decided.body}`)
  return { code, grantId: decided.json().grantId as string }
}

/** Valid resident IDs of the demo world (people with an employer have contribution records). */
export const insuredPeople = () => demoWorld().people.filter((p) => p.employer !== null)

export function fetchBody(resourceCode: string, ids: readonly string[], extra: object = {}) {
  return {
    resourceCode,
    subjects: ids.map((id) => ({ type: 'resident-id', id })),
    purpose: { code: 'administrative-basis', text: '核验参保缴费情况' },
    ...extra,
  }
}

/** Audit rows of the fetch action, oldest first. */
export async function fetchAudits(
  db: Knex,
): Promise<{ outcome: string; reason: string | null; grant_id: string | null }[]> {
  return db('audit_records')
    .where({ action: 'exchange.fetch' })
    .orderBy('id')
    .select('outcome', 'reason', 'grant_id')
}

/** A `hub_records` row: one hub-held pension contribution of `person` (fields of the canonical record overridable). */
export function contributionRow(
  person: { residentId: string; name: string },
  recordId: string,
  data: Record<string, unknown> = {},
) {
  return {
    kind: 'social-insurance-contribution',
    record_id: recordId,
    adapter: 'hrss',
    subject_id: person.residentId,
    data: {
      recordId,
      subjectId: person.residentId,
      subjectName: person.name,
      insuranceType: 'pension',
      period: '2026-10',
      contributionBase: '5000.00',
      employerAmount: '800.00',
      personalAmount: '400.00',
      paid: true,
      paidOn: '2026-10-15',
      ...data,
    },
    data_hash: `h-${recordId}`,
  }
}

/** Marks a resource hub-held and stores one contribution record per person (copies are per kind, not per resource). */
export async function holdRecords<P extends { residentId: string; name: string }>(
  db: Knex,
  code: string,
  people: readonly P[],
  row: (person: P, index: number) => ReturnType<typeof contributionRow> = (p) =>
    contributionRow(p, `JF-${p.residentId}`),
) {
  await db('resource_sources').insert({
    resource_code: code,
    adapter: 'hrss',
    record_kind: 'social-insurance-contribution',
    hub_held: true,
  })
  await db('hub_records').insert(people.map(row)).onConflict(['kind', 'record_id']).ignore()
}
