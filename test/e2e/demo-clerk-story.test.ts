import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoActivity } from '../../demo/demo-activity.ts'
import { seedDemoCatalog } from '../../demo/demo-catalog.ts'
import { seedDemoHistory } from '../../demo/demo-history.ts'
import { TEST_KEK } from '../../exchange/certificates/certificate-test-support.ts'
import { DEMO_PRINCIPALS } from '../../platform/auth/demo-principals.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { useTestApp } from '../support/test-app.ts'

/**
 * The README's clerk story, on a hub seeded the way `npm start` seeds the demo (departments,
 * resources, certificate types, the department systems' certificate feeds, the open cases and the
 * year of history): find the clerk's open cases → list the shareable materials → fetch a
 * certificate → verify it offline with jose against the issuer's JWKS. Then what the history gives
 * the citizen and the auditor from the first minute.
 */

const hub = useTestApp({ simulators: true, env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
const as = async (name: keyof typeof DEMO_PRINCIPALS) => ({
  authorization: `Bearer ${await hub.token(DEMO_PRINCIPALS[name] as Principal)}`,
})
const get = async (url: string, name: keyof typeof DEMO_PRINCIPALS) =>
  hub.app.inject({ method: 'GET', url, headers: await as(name) })

beforeAll(async () => {
  const db = hub.database.db
  await seedDemoCatalog(db)
  await hub.app.certificates.feed.pullAll()
  const { opened, history } = await seedDemoActivity(hub.app, () => {})
  expect(opened).toBe(5)
  expect(history?.cases).toBeGreaterThan(500)
}, 120_000)

describe("the window clerk's story from the README", () => {
  it('finds the open cases, the shareable materials, fetches a certificate and verifies it offline', async () => {
    const open = await get('/v1/cases?status=accepted', 'clerk')
    expect(open.statusCode).toBe(200)
    const numbers = open.json().items.map((c: { caseNumber: string }) => c.caseNumber)
    expect(numbers).toContain('LF-ZH-2026-000101')

    const materials = await get('/v1/cases/LF-ZH-2026-000101/shareable-materials', 'clerk')
    expect(materials.statusCode).toBe(200)
    const shareable = materials.json().items.filter((m: { shareable: boolean }) => m.shareable)
    expect(shareable.map((m: { materialCode: string }) => m.materialCode)).toEqual(['M01', 'M02'])

    for (const materialCode of ['M01', 'M02']) {
      const fetched = await hub.app.inject({
        method: 'POST',
        url: `/v1/cases/LF-ZH-2026-000101/materials/${materialCode}/fetch-certificate`,
        headers: await as('clerk'),
        payload: {},
      })
      expect(fetched.statusCode).toBe(200)
      const { outcome, certificate, document } = fetched.json()
      expect(outcome).toBe('found')

      // Offline: only the issuer's public JWKS (no token needed) and any JOSE library.
      const jwks = await hub.app.inject({
        method: 'GET',
        url: `/v1/certificates/issuers/${certificate.issuerDepartment}/jwks`,
      })
      expect(jwks.statusCode).toBe(200)
      const { payload, protectedHeader } = await compactVerify(
        document,
        createLocalJWKSet(jwks.json() as JSONWebKeySet),
        { algorithms: ['ES256'] },
      )
      expect(protectedHeader.alg).toBe('ES256')
      const signed = JSON.parse(new TextDecoder().decode(payload))
      expect(signed.iss).toBe(`urn:hub:departments:${certificate.issuerDepartment}`)
      expect(signed.certificate.id).toBe(certificate.id)
      expect(signed.binding).toEqual({ caseNumber: 'LF-ZH-2026-000101', materialCode })
    }
    const after = await get('/v1/cases/LF-ZH-2026-000101/shareable-materials', 'clerk')
    expect(after.json().items.every((m: { obtained: unknown }) => m.obtained !== null)).toBe(true)
  })

  it('every open demo case finds exactly one certificate per certificate-backed material', async () => {
    for (const caseNumber of [
      'LF-ZH-2026-000102',
      'LF-ZH-2026-000103',
      'LF-ZH-2026-000104',
      'LF-ZH-2026-000105',
    ]) {
      const materials = await get(`/v1/cases/${caseNumber}/shareable-materials`, 'clerk')
      for (const m of materials
        .json()
        .items.filter((i: { certificateTypes: string[] }) => i.certificateTypes.length)) {
        const fetched = await hub.app.inject({
          method: 'POST',
          url: `/v1/cases/${caseNumber}/materials/${m.materialCode}/fetch-certificate`,
          headers: await as('clerk'),
          payload: {},
        })
        expect(fetched.json().outcome, `${caseNumber} ${m.materialCode}`).toBe('found')
      }
    }
  })
})

describe('the demo history', () => {
  it("shows the demo citizen who accessed her data (her token's resident ID)", async () => {
    const res = await get('/v1/audit/my-accesses?limit=100', 'citizen')
    expect(res.statusCode).toBe(200)
    const departments = new Set(res.json().items.map((i: { department: string }) => i.department))
    expect(departments.has('lf-approval')).toBe(true)
    expect(res.json().items.length).toBeGreaterThan(2)
  })

  it('gives the auditor a finding of every anomaly rule in a bare call, on a trail that verifies', async () => {
    const anomalies = await get('/v1/audit/anomalies', 'auditor')
    expect(anomalies.statusCode).toBe(200)
    expect(new Set(anomalies.json().items.map((i: { kind: string }) => i.kind))).toEqual(
      new Set([
        'access-without-case',
        'after-grant-end',
        'volume-spike',
        'off-hours-bulk',
        'repeated-denials',
      ]),
    )
    const verified = await get('/v1/audit/verify', 'auditor')
    expect(verified.json()).toMatchObject({ ok: true })
  })

  it('has decided and overdue requests, statistics for a bare call, and does not run twice', async () => {
    const overdue = await get('/v1/access-requests?view=overdue', 'reviewer')
    expect(overdue.statusCode).toBe(200)
    expect(overdue.json().items.length).toBeGreaterThanOrEqual(2)
    const stats = await get('/v1/cases/statistics', 'reviewer')
    expect(stats.statusCode).toBe(200)
    expect(stats.json().departments.length).toBeGreaterThan(0)
    const avoided = await get('/v1/certificates/stats/materials-avoided', 'reviewer')
    expect(avoided.json().total.replaced).toBeGreaterThan(0)

    const config = hub.app.config
    const again = await seedDemoHistory(hub.database.db, {
      calendar: config.calendar,
      decisionWorkdays: config.calendar.decisionWorkdays,
      subjectKey: Buffer.from(config.audit.subjectKey!),
      trailMonths: config.audit.retentionMonths,
    })
    expect(again).toBeNull()
  })
})
