import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { requestBody, tokensFor, type Who } from '../../directory/requests/access-test-support.ts'
import { renderCode } from '../../directory/resources/resource-code.ts'
import { demoResourceDrafts, seedDemoResources } from '../../directory/resources/resource-demo-seed.ts'
import { useTestApp } from '../support/test-app.ts'

// One truth for a record's shape: what a fetch returns must validate against the record schema the
// directory publishes for the resource (`GET /v1/resources/{code}` → recordSchema). Money items (Y),
// for one, are exact decimal strings such as "7300.00" in both.

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const hub = useTestApp({ simulators: true })
let tokens: Record<Who, string>
const people = demoWorld()
  .people.slice(0, 60)
  .map((p) => p.residentId)

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  await seedDemoResources(hub.database.db)
  tokens = await tokensFor(hub)
}, 60_000)

const call = async (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
  hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } })

/** A grant of every item of the resource to the consumer, approved by the provider's steward. */
async function grantAll(code: string, provider: string, items: string[]): Promise<void> {
  const filed = await call('POST', '/v1/access-requests', tokens.consumer, requestBody(code, { items }))
  expect(filed.statusCode, filed.body).toBe(201)
  if (filed.json().status === 'granted') return
  const steward = await hub.token({
    roles: ['steward'],
    department: provider,
    subject: `steward-${provider}`,
  })
  const decided = await call('POST', `/v1/access-requests/${filed.json().id}/decision`, steward, {
    outcome: 'approve',
    reason: '同意',
  })
  expect(decided.json(), decided.body).toMatchObject({ status: 'granted' })
}

// Every demo resource a department system serves records of (the licensing catalog has no subjects).
const served = demoResourceDrafts().filter(
  (d) => d.shareType !== 'not-shared' && d.provider !== 'lf-approval',
)

describe('fetched records and the published record schema', () => {
  it.each(served.map((d) => [renderCode(d.code), d] as const))(
    '%s: every fetched record validates against the resource’s record schema',
    async (code, draft) => {
      const resource = await call('GET', `/v1/resources/${encodeURIComponent(code)}`, tokens.consumer)
      expect(resource.statusCode, resource.body).toBe(200)
      const { recordSchema, items } = resource.json() as {
        recordSchema: Record<string, unknown>
        items: { code: string; dataType: string }[]
      }
      await grantAll(
        code,
        draft.provider,
        items.map((i) => i.code),
      )
      const fetched = await call('POST', '/v1/exchange/fetch', tokens.consumer, {
        resourceCode: code,
        subjects: people.map((id) => ({ type: 'resident-id', id })),
        purpose: { code: 'administrative-basis', text: '办理社保关系转移核验参保身份' },
      })
      expect(fetched.statusCode, fetched.body).toBe(200)
      const records = (fetched.json().results as { records: { items: Record<string, unknown> }[] }[]).flatMap(
        (r) => r.records,
      )
      expect(records.length).toBeGreaterThan(0)

      const ajv = new Ajv({ allErrors: true, strict: false })
      addFormats(ajv)
      const validate = ajv.compile(recordSchema)
      const invalid = records.flatMap((r) =>
        validate(r.items) ? [] : [{ items: r.items, errors: ajv.errorsText(validate.errors) }],
      )
      expect(invalid.slice(0, 3)).toEqual([])
      // Money is a decimal string with two places, as the schema says.
      for (const money of items.filter((i) => i.dataType === 'Y'))
        for (const r of records)
          if (r.items[money.code] != null) expect(r.items[money.code]).toMatch(/^-?[0-9]+\.[0-9]{2}$/)
    },
  )
})
