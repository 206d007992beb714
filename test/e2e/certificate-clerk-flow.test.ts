import { compactVerify, createLocalJWKSet } from 'jose'
import { describe, expect, it } from 'vitest'
import {
  countRows,
  insertCase,
  typeCodeOf,
  UNEMPLOYMENT,
} from '../../exchange/certificates/certificate-test-support.ts'
import type { CertificateFetchResult, CertificateShareableMaterials } from '../../schemas/generated/types.ts'
import { useClerkHarness } from './certificate-clerk-harness.ts'

const { hub, db, people, clerk, fetchCertificate, audits } = useClerkHarness()

/** The case's first material as the clerk's window lists it. */
async function firstMaterial(caseNumber: string) {
  const res = await hub.app.inject({
    method: 'GET',
    url: `/v1/cases/${caseNumber}/shareable-materials`,
    headers: await clerk(),
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<CertificateShareableMaterials>().items[0]!
}

describe('the clerk fetches certificates instead of paper', () => {
  it('lists which required materials of the case can be obtained by sharing', async () => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/cases/C-FOUND/shareable-materials',
      headers: await clerk(),
    })
    expect(res.statusCode).toBe(200)
    const body = res.json<CertificateShareableMaterials>()
    expect(body.items.map((i) => [i.materialCode, i.shareable, i.obtained, i.missed])).toEqual([
      ['M01', true, null, null],
      ['M02', false, null, null],
    ])
  })

  it('finds the applicant’s certificate, signed and verified, marks the material obtained and audits it', async () => {
    const res = await fetchCertificate('C-FOUND')
    expect(res.statusCode).toBe(200)
    const body = res.json<CertificateFetchResult>()
    expect(body.outcome).toBe('found')
    expect(body.certificate?.holder.idNumber).toBe(people[0]!.residentId)
    expect(body.verification).toMatchObject({
      valid: true,
      status: 'valid',
      issuerDepartment: 'lf-realestate',
    })
    const keys = (
      await hub.app.inject({ method: 'GET', url: '/v1/certificates/issuers/lf-realestate/jwks' })
    ).json()
    const claims = JSON.parse(
      new TextDecoder().decode((await compactVerify(body.document!, createLocalJWKSet(keys))).payload),
    )
    expect(claims.binding).toEqual({ caseNumber: 'C-FOUND', materialCode: 'M01' })
    expect(await audits('C-FOUND', 'allowed')).toBe(1)

    const listed = await hub.app.inject({
      method: 'GET',
      url: '/v1/cases/C-FOUND/shareable-materials',
      headers: await clerk(),
    })
    expect(listed.json<CertificateShareableMaterials>().items[0]!.obtained?.certificateId).toBe(
      body.certificate!.id,
    )
  })

  it('answers not-found for an applicant without one, and never returns another person’s certificate', async () => {
    expect((await fetchCertificate('C-NONE')).json().outcome).toBe('not-found')
    const someoneElses = (
      await db()('certificates')
        .where({ holder_id_number: people[0]!.residentId, issuer_department: 'lf-realestate' })
        .first('id')
    ).id as string
    const res = await fetchCertificate('C-NONE', 'M01', { certificateId: someoneElses })
    expect(res.json().outcome).toBe('not-found')
    expect(res.body).not.toContain(someoneElses)
    expect(await countRows(db(), 'case_material_fetches', { case_number: 'C-NONE' })).toBe(0)
    expect((await firstMaterial('C-NONE')).missed?.outcome).toBe('not-found')
  })

  it('keeps concurrent fetches for different applicants apart (reads are shared per event-loop turn)', async () => {
    // Open cases of three applicants (persons 0 and 4 hold a 不动产权证书, person 20 none),
    // fetched all at once so the look-ups of one turn go out together.
    const cases = [
      ['C-PAR-0', 0],
      ['C-PAR-4', 4],
      ['C-PAR-20', 20],
    ] as const
    for (const [caseNumber, person] of cases)
      await insertCase(db(), {
        caseNumber,
        serviceItemCode: '000123004000',
        department: 'lf-approval',
        applicantIdNumber: people[person]!.residentId,
      })
    const headers = await clerk()
    const answers = await Promise.all(
      [...cases, ...cases].map(([caseNumber]) => fetchCertificate(caseNumber, 'M01', {}, headers)),
    )
    for (const [i, res] of answers.entries()) {
      const [caseNumber, person] = cases[i % cases.length]!
      const body = res.json<CertificateFetchResult>()
      expect(body.caseNumber).toBe(caseNumber)
      if (person === 20) expect(body.outcome).toBe('not-found')
      else expect(body.certificate?.holder.idNumber).toBe(people[person]!.residentId)
    }
    // Unknown cases and materials in the same turn still get their own answers.
    const [unknownCase, unknownMaterial] = await Promise.all([
      fetchCertificate('C-NO-SUCH-CASE', 'M01', {}, headers),
      fetchCertificate('C-PAR-0', 'M99', {}, headers),
    ])
    expect([unknownCase.statusCode, unknownCase.json().code]).toEqual([404, 'case-not-found'])
    expect([unknownMaterial.statusCode, unknownMaterial.json().code]).toEqual([404, 'material-not-found'])
  })

  it('answers ambiguous with the holder’s candidates, then found for the one the clerk picks', async () => {
    const issued = await hub.app.inject({
      method: 'POST',
      url: '/v1/certificates',
      headers: await clerk('lf-realestate', ['steward']),
      payload: {
        typeCode: await typeCodeOf(db(), 'lf-realestate'),
        holder: { idType: 'resident-id', idNumber: people[1]!.residentId, name: people[1]!.name },
        issuedOn: '2026-06-01',
        faceData: { certificateNumber: 'X2', location: '临汾市尧都区', area: 60 },
      },
    })
    expect(issued.statusCode).toBe(201)
    const ambiguous = (await fetchCertificate('C-TWO')).json<CertificateFetchResult>()
    expect(ambiguous.outcome).toBe('ambiguous')
    expect(ambiguous.candidates).toHaveLength(2)
    expect(ambiguous.certificate).toBeUndefined()
    // Until the clerk picks one, the material is recorded as missed (paper needed at the window).
    expect(await firstMaterial('C-TWO')).toMatchObject({
      obtained: null,
      missed: { outcome: 'ambiguous', attemptedBy: 'clerk-lf-approval' },
    })
    const picked = (
      await fetchCertificate('C-TWO', 'M01', { certificateId: ambiguous.candidates![1] })
    ).json()
    expect(picked.outcome).toBe('found')
    expect(picked.certificate.id).toBe(ambiguous.candidates![1])
    expect(await firstMaterial('C-TWO')).toMatchObject({
      obtained: { certificateId: picked.certificate.id },
      missed: null,
    })
    expect(await countRows(db(), 'case_material_misses', { case_number: 'C-TWO' })).toBe(0)
  })

  it('answers revoked and expired without a document', async () => {
    await db()('certificates')
      .where({ holder_id_number: people[2]!.residentId, issuer_department: 'lf-realestate' })
      .update({ status: 'revoked', status_reason: 'court order' })
    const revoked = (await fetchCertificate('C-REVOKED')).json<CertificateFetchResult>()
    expect(revoked.outcome).toBe('revoked')
    expect(revoked.document).toBeUndefined()
    await db()('certificates')
      .where({ holder_id_number: people[3]!.residentId, issuer_department: 'lf-hrss' })
      .update({ valid_from: '2020-01-01', valid_until: '2021-01-01' })
    expect((await fetchCertificate('C-EXPIRED')).json().outcome).toBe('expired')
    // Each is recorded, so the window reads paper needed whenever the case is opened again.
    expect((await firstMaterial('C-REVOKED')).missed?.outcome).toBe('revoked')
    expect((await firstMaterial('C-EXPIRED')).missed?.outcome).toBe('expired')
    expect((await firstMaterial('C-EXPIRED')).obtained).toBeNull()
  })

  it('fetches the recorded agent’s certificate when asked for the agent', async () => {
    const res = (await fetchCertificate('C-AGENT', 'M01', { holder: 'agent' })).json<CertificateFetchResult>()
    expect(res.outcome).toBe('found')
    expect(res.certificate?.holder.idNumber).toBe(people[4]!.residentId)
  })
})

describe('materials avoided', () => {
  it('counts required materials replaced by sharing per service item and department against the goals', async () => {
    for (const [n, person] of [
      [1, 0],
      [2, 1],
    ] as const)
      await insertCase(db(), {
        caseNumber: `C-STAT-${n}`,
        serviceItemCode: UNEMPLOYMENT,
        department: 'yd-approval',
        applicantIdNumber: people[person]!.residentId,
        acceptedAt: '2025-03-10T02:00:00Z',
      })
    expect((await fetchCertificate('C-STAT-1', 'M01', {}, await clerk('yd-approval'))).json().outcome).toBe(
      'found',
    )

    const url = '/v1/certificates/stats/materials-avoided?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z'
    const res = await hub.app.inject({ method: 'GET', url, headers: await clerk('lf-bigdata', ['reviewer']) })
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toEqual([
      {
        serviceItemCode: UNEMPLOYMENT,
        departmentCode: 'yd-approval',
        cases: 2,
        required: 2,
        replaced: 1,
        ratio: 0.5,
        meetsYearOne: true,
        meetsYearTwo: false,
      },
    ])
    const bare = await hub.app.inject({
      method: 'GET',
      url: '/v1/certificates/stats/materials-avoided',
      headers: await clerk('lf-bigdata', ['reviewer']),
    })
    expect(bare.statusCode).toBe(200)
    expect(Date.parse(bare.json().to) - Date.parse(bare.json().from)).toBe(30 * 86_400_000)
    const own = await hub.app.inject({ method: 'GET', url, headers: await clerk('lf-approval') })
    expect(own.json().items).toEqual([])
  })
})
