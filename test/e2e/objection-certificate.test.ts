import { describe, expect, it } from 'vitest'
import type { CertificateFetchResult, CertificateShareableMaterials } from '../../schemas/generated/types.ts'
import { useClerkHarness } from './certificate-clerk-harness.ts'

// A window clerk doubts a certificate fetched for a case: the objection names the case and the
// certificate (never the holder), the issuing department answers, and while it is unresolved the
// clerk's fetch and shareable-materials answers show the certificate as disputed.
const { hub, db, clerk, fetchCertificate } = useClerkHarness()

const as = async (roles: ('steward' | 'clerk')[], department: string) => ({
  authorization: `Bearer ${await hub.token({ roles, department, subject: `${roles[0]}-${department}` })}`,
})

describe('objections on certificates', () => {
  it('marks a certificate under objection as disputed to clerks until the objection is resolved', async () => {
    const fetched = await fetchCertificate('C-FOUND')
    const certificate = fetched.json<CertificateFetchResult>().certificate!
    expect(fetched.json().disputed).toBeUndefined()
    const stored = await db()('certificates').where({ id: certificate.id }).first('face_data')
    const field = Object.keys(stored.face_data as object)[0]!

    const notFetched = await hub.app.inject({
      method: 'POST',
      url: '/v1/objections',
      headers: await clerk(),
      payload: {
        target: { type: 'certificate', certificateId: certificate.id, caseNumber: 'C-TWO' },
        items: [field],
        description: '证照照面信息与原件不符',
      },
    })
    expect(notFetched.statusCode).toBe(403)
    expect(notFetched.json()).toMatchObject({
      code: 'certificate-not-fetched-for-case',
      errors: [{ path: '/body/target/certificateId' }],
    })
    expect(Number((await db()('objections').count({ n: '*' }).first())?.n)).toBe(0)

    const raised = await hub.app.inject({
      method: 'POST',
      url: '/v1/objections',
      headers: await clerk(),
      payload: {
        target: { type: 'certificate', certificateId: certificate.id, caseNumber: 'C-FOUND' },
        items: [field],
        description: '证照照面信息与申请人出示的原件不符',
        observedValues: { [field]: '原件所载内容' },
      },
    })
    expect(raised.statusCode).toBe(201)
    const objection = raised.json()
    expect(objection).toMatchObject({
      status: 'open',
      providerDepartment: 'lf-realestate',
      objectorDepartment: 'lf-approval',
      target: { type: 'certificate', certificateId: certificate.id, caseNumber: 'C-FOUND' },
    })

    const again = await fetchCertificate('C-FOUND')
    expect(again.json()).toMatchObject({ outcome: 'found', disputed: true, objectionId: objection.id })
    const materials = await hub.app.inject({
      method: 'GET',
      url: '/v1/cases/C-FOUND/shareable-materials',
      headers: await clerk(),
    })
    const m01 = materials.json<CertificateShareableMaterials>().items.find((i) => i.materialCode === 'M01')
    expect(m01?.obtained).toMatchObject({
      certificateId: certificate.id,
      disputed: true,
      objectionId: objection.id,
    })

    const refresh = await hub.app.inject({
      method: 'POST',
      url: `/v1/objections/${objection.id}/answer`,
      headers: await as(['steward'], 'lf-realestate'),
      payload: { outcome: 'confirm', correction: { method: 'refresh' } },
    })
    expect(refresh.statusCode).toBe(400)
    expect(refresh.json()).toMatchObject({
      code: 'refresh-not-available',
      errors: [{ path: '/body/correction/method' }],
    })
    const rejected = await hub.app.inject({
      method: 'POST',
      url: `/v1/objections/${objection.id}/answer`,
      headers: await as(['steward'], 'lf-realestate'),
      payload: { outcome: 'reject', reason: '经核对登记簿，证照信息无误' },
    })
    expect(rejected.json()).toMatchObject({ status: 'rejected', disputed: true })
    const accepted = await hub.app.inject({
      method: 'POST',
      url: `/v1/objections/${objection.id}/response`,
      headers: await clerk(),
      payload: { outcome: 'accept' },
    })
    expect(accepted.json()).toMatchObject({ status: 'closed', disputed: false })
    const settled = await fetchCertificate('C-FOUND')
    expect(settled.json().disputed).toBeUndefined()
  })
})
