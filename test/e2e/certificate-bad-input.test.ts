import { describe, expect, it } from 'vitest'
import { countRows, TRANSFER, typeCodeOf } from '../../exchange/certificates/certificate-test-support.ts'
import { useClerkHarness } from './certificate-clerk-harness.ts'

const { hub, db, people, clerk, fetchCertificate, audits } = useClerkHarness()

describe('bad input is a clear 4xx, audited as denied, and writes nothing', () => {
  const cases: [
    string,
    () => Promise<{ statusCode: number; json: () => { code: string } }>,
    number,
    string,
    string,
  ][] = [
    [
      'a certificate id whose check character fails',
      async () => {
        const id = (await db()('certificates').where({ holder_id_number: people[0]!.residentId }).first('id'))
          .id as string
        return fetchCertificate('C-FOUND', 'M01', {
          certificateId: id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A'),
        })
      },
      400,
      'certificate-id-invalid',
      'C-FOUND',
    ],
    [
      // Answered exactly like a case that does not exist: no existence oracle.
      'a case of another department',
      () => fetchCertificate('C-OTHER-DEPT'),
      404,
      'case-not-found',
      'C-OTHER-DEPT',
    ],
    ['a case that does not exist', () => fetchCertificate('C-NO-SUCH'), 404, 'case-not-found', 'C-NO-SUCH'],
    [
      'a holder who is not the applicant',
      () => fetchCertificate('C-FOUND', 'M01', { holderIdNumber: people[1]!.residentId }),
      403,
      'holder-not-applicant',
      'C-FOUND',
    ],
    [
      'a material that no certificate replaces',
      () => fetchCertificate('C-FOUND', 'M02'),
      400,
      'material-not-certificate',
      'C-FOUND',
    ],
    [
      'a material the service item does not have',
      () => fetchCertificate('C-FOUND', 'M99'),
      404,
      'material-not-found',
      'C-FOUND',
    ],
    [
      'a certificate of a type the material does not accept',
      async () => {
        const id = (
          await db()('certificates')
            .where({ holder_id_number: people[0]!.residentId, issuer_department: 'lf-hrss' })
            .first('id')
        ).id as string
        return fetchCertificate('C-FOUND', 'M01', { certificateId: id })
      },
      400,
      'certificate-type-not-required',
      'C-FOUND',
    ],
    ['a completed case', () => fetchCertificate('C-CLOSED'), 409, 'case-closed', 'C-CLOSED'],
    [
      'a caller who is not a clerk',
      async () => fetchCertificate('C-FOUND', 'M01', {}, await clerk('lf-approval', ['consumer'])),
      403,
      'clerk-role-required',
      'C-FOUND',
    ],
  ]

  it.each(cases)('%s', async (_name, attempt, status, code, caseNumber) => {
    const denied = await audits(caseNumber, 'denied')
    const fetches = await countRows(db(), 'case_material_fetches')
    const res = await attempt()
    expect(res.statusCode).toBe(status)
    expect(res.json().code).toBe(code)
    expect(await audits(caseNumber, 'denied')).toBe(denied + 1)
    expect(await countRows(db(), 'case_material_fetches')).toBe(fetches)
  })

  it("answers another department's case exactly like a missing one, and records the true reason", async () => {
    const headers = await clerk('lf-approval', ['clerk'])
    const shareable = (n: string) =>
      hub.app.inject({ method: 'GET', url: `/v1/cases/${n}/shareable-materials`, headers })
    const other = await shareable('C-OTHER-DEPT')
    const missing = await shareable('C-NO-SUCH')
    expect([other.statusCode, other.json().code, other.json().detail]).toEqual([
      missing.statusCode,
      missing.json().code,
      missing.json().detail,
    ])
    expect(other.statusCode).toBe(404)
    const trail = await db()('audit_records')
      .where({ request_id: other.headers['x-request-id'] })
      .first('reason')
    expect(trail.reason).toBe('not-case-department')
    const fetched = await fetchCertificate('C-OTHER-DEPT')
    const trailOfFetch = await db()('audit_records')
      .where({ request_id: fetched.headers['x-request-id'], outcome: 'denied' })
      .first('reason')
    expect(trailOfFetch.reason).toBe('not-case-department')
  })

  it('refuses a material the service item lists as optional', async () => {
    const admin = await clerk('lf-bigdata', ['admin'])
    const put = await hub.app.inject({
      method: 'PUT',
      url: `/v1/service-items/${TRANSFER}/materials/M03`,
      headers: admin,
      payload: {
        name: '户口簿',
        required: false,
        certificateTypes: [await typeCodeOf(db(), 'lf-realestate')],
      },
    })
    expect(put.statusCode).toBe(200)
    const res = await fetchCertificate('C-FOUND', 'M03')
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('material-not-required')
  })
})
