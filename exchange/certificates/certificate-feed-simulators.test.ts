import { beforeAll, describe, expect, it } from 'vitest'
import { formatCertificateId } from '../../platform/identifiers/index.ts'
import { detachedContext } from '../../policies/request-context.ts'
import type { Principal } from '../../schemas/generated/types.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { countRows, seedCertificateWorld, TEST_KEK } from './certificate-test-support.ts'

// The feed against the real department simulators, then the certificates found through the service.
const hub = useTestApp({ simulators: true, env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
beforeAll(async () => {
  await seedCertificateWorld(hub.database.db)
})

const steward = (department: string): Principal => ({
  subject: `steward-${department}`,
  department,
  roles: ['steward'],
  district: null,
})

describe('certificate feed from the department simulators', () => {
  it('ingests what all four systems issued, once, under the types the demo hub registered', async () => {
    const before = await countRows(hub.database.db, 'certificates')
    const { results, failures } = await hub.app.certificates.feed.pullAll()
    expect(failures).toEqual([])
    expect(results.map((r) => r.adapter).sort()).toEqual([
      'housing-admin',
      'housing-fund',
      'hrss',
      'real-estate',
    ])
    for (const r of results) expect(r).toMatchObject({ rejected: 0, caughtUp: true, ingested: r.received })
    const received = results.reduce((sum, r) => sum + r.received, 0)
    expect(received).toBeGreaterThan(0)
    expect(await countRows(hub.database.db, 'certificates')).toBe(before + received)
    // 已注销 filings arrive revoked, with the system's reason.
    expect(
      await countRows(hub.database.db, 'certificates', { status_reason: '合同备案已注销' }),
    ).toBeGreaterThan(0)

    const again = await hub.app.certificates.feed.pullAll()
    expect(again.results.map((r) => r.received)).toEqual([0, 0, 0, 0])
    expect(await countRows(hub.database.db, 'certificates')).toBe(before + received)
  })

  it('finds a fed 不动产权证书 through the certificate service, matching the registry’s own record', async () => {
    const realEstate = hub.app.adapters.get('real-estate')
    const { certificates } = await realEstate.certificatesSince!(null)
    const issued = certificates.find((c) => c.holder.idType === 'resident-id')!
    const issuer = await hub.database.db('departments').where({ code: 'lf-realestate' }).first('credit_code')
    const id = formatCertificateId({
      typeCode: issued.typeCode,
      issuer: issuer.credit_code,
      serial: issued.serial,
      version: '001',
    })

    const { certificate } = await hub.app.certificates.service.get(
      detachedContext(steward('lf-realestate')),
      id,
    )
    expect(certificate).toMatchObject({
      typeName: '不动产权证书',
      issuerDepartment: 'lf-realestate',
      holder: issued.holder,
      issuedOn: issued.issuedOn,
      status: 'valid',
    })
    const rights = await realEstate.lookupBySubject!('property-right', issued.holder)
    expect(rights.map((r) => r.data.certificateNumber)).toContain(
      (certificate.faceData as { certificateNumber: string }).certificateNumber,
    )
  })
})
