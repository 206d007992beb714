import type { Knex } from 'knex'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import {
  contributionRow,
  fetchAudits,
  grantedResource,
  holdRecords,
  insuredPeople,
} from './fetch-test-support.ts'

// The query form on a hub-held copy: records matching item values, page by page, each still
// authorized by subject and masked.
const hub = useTestApp()
let tokens: Record<Who, string>
const people = insuredPeople().slice(0, 5)

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
})

const hold = (db: Knex, code: string) =>
  holdRecords(db, code, people, (p, i) =>
    contributionRow(p, `Q-${i}`, { insuranceType: i < 3 ? 'pension' : 'medical' }),
  )

const query = (code: string, q: object, who: Who = 'consumer') =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/exchange/fetch',
    headers: { authorization: `Bearer ${tokens[who]}` },
    payload: { resourceCode: code, query: q, purpose: { code: 'administrative-basis', text: '统计核验' } },
  })

describe('POST /v1/exchange/fetch with a query', () => {
  it('pages through matching records, grouped by subject, masked, each subject audited', async () => {
    const { code, grantId } = await grantedResource(hub, tokens, '70001', {
      items: ['gmsfhm', 'xzlx'],
      masking: { gmsfhm: 'resident-id' },
    })
    await hold(hub.database.db, code)
    const first = await query(code, { filter: { xzlx: 'pension' }, limit: 2 })
    expect(first.statusCode).toBe(200)
    expect(first.json().results).toHaveLength(2)
    expect(first.json().results[0].records[0].items).toEqual({
      gmsfhm: `${people[0]!.residentId.slice(0, 6)}********${people[0]!.residentId.slice(-4)}`,
      xzlx: 'pension',
    })
    const second = await query(code, {
      filter: { xzlx: 'pension' },
      limit: 2,
      cursor: first.json().nextCursor,
    })
    // The query found this subject, so its identifier leaves masked like the item.
    expect(second.json().results.map((r: { subject: { id: string } }) => r.subject.id)).toEqual([
      `${people[2]!.residentId.slice(0, 6)}********${people[2]!.residentId.slice(-4)}`,
    ])
    expect(second.json().nextCursor).toBeUndefined()
    const audits = (await fetchAudits(hub.database.db)).slice(-3)
    expect(audits.every((a) => a.outcome === 'allowed' && a.grant_id === grantId)).toBe(true)
  })

  it('refuses a filter on an item the grant withholds, and a body with both or neither form', async () => {
    const { code } = await grantedResource(hub, tokens, '70002', { items: ['xzlx'] })
    const withheld = await query(code, { filter: { xm: '王小明' } })
    expect(withheld.statusCode).toBe(400)
    expect(withheld.json().code).toBe('filter-item-not-granted')
    const neither = await hub.app.inject({
      method: 'POST',
      url: '/v1/exchange/fetch',
      headers: { authorization: `Bearer ${tokens.consumer}` },
      payload: { resourceCode: code, purpose: { code: 'administrative-basis', text: 'x' } },
    })
    expect(neither.json().code).toBe('subjects-or-query')
    expect((await fetchAudits(hub.database.db)).slice(-2).map((a) => a.reason)).toEqual([
      'filter-item-not-granted',
      'subjects-or-query',
    ])
  })
})

describe('only granted items leave the hub', () => {
  it('lets no identifier digits beyond the mask out in any field, record keys included', async () => {
    const { code } = await grantedResource(hub, tokens, '70009', {
      items: ['gmsfhm', 'xzlx'],
      masking: { gmsfhm: 'resident-id' },
    })
    // The source's own record key embeds the resident ID (as account numbers of some systems do).
    await holdRecords(hub.database.db, code, people, (p) =>
      contributionRow(p, `ZH-${p.residentId.slice(-8)}-${p.residentId}`, { insuranceType: 'pension' }),
    )
    const asked = await hub.app.inject({
      method: 'POST',
      url: '/v1/exchange/fetch',
      headers: { authorization: `Bearer ${tokens.consumer}` },
      payload: {
        resourceCode: code,
        subjects: [{ type: 'resident-id', id: people[0]!.residentId }],
        purpose: { code: 'administrative-basis', text: '资格核验' },
      },
    })
    const found = await query(code, { filter: { xzlx: 'pension' }, limit: 5 })
    for (const res of [asked, found]) {
      expect(res.statusCode).toBe(200)
      const records = res.json().results.flatMap((r: { records: unknown[] }) => r.records)
      expect(records.length).toBeGreaterThan(0)
      // The caller named the subject in `asked`, so only the records are checked there.
      const leaving = JSON.stringify(res === asked ? records : res.json())
      for (const p of people) {
        // The mask keeps the first 6 and last 4: digits 7–14 must appear nowhere.
        expect(leaving).not.toContain(p.residentId.slice(6, 14))
        expect(leaving).not.toContain(p.residentId.slice(-8))
      }
    }
    const ref = asked.json().results[0].records[0].recordId
    expect(ref).toMatch(/^ref-[A-Za-z0-9_-]{40,}$/)
    const again = await hub.app.inject({
      method: 'POST',
      url: '/v1/exchange/fetch',
      headers: { authorization: `Bearer ${tokens.consumer}` },
      payload: {
        resourceCode: code,
        subjects: [{ type: 'resident-id', id: people[0]!.residentId }],
        purpose: { code: 'administrative-basis', text: '资格核验' },
      },
    })
    expect(again.json().results[0].records[0].recordId).toBe(ref)
  })
})
