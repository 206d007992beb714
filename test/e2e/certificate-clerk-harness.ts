import { beforeAll } from 'vitest'
import {
  countRows,
  demoPeople,
  insertClerkCases,
  seedCertificateWorld,
  TEST_KEK,
} from '../../exchange/certificates/certificate-test-support.ts'
import type { Role } from '../../policies/roles.ts'
import { useTestApp } from '../support/test-app.ts'

/**
 * The world of the clerk-flow tests: the hub with certificates, service-item materials and open
 * cases seeded, and helpers for a clerk's fetch and for counting its audit records.
 */
export function useClerkHarness() {
  const hub = useTestApp({ env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
  const db = () => hub.database.db

  beforeAll(async () => {
    await seedCertificateWorld(db())
    await insertClerkCases(db())
  })

  const clerk = async (department = 'lf-approval', roles: Role[] = ['clerk']) => ({
    authorization: `Bearer ${await hub.token({ roles, department, subject: `clerk-${department}` })}`,
  })

  const fetchCertificate = async (
    caseNumber: string,
    materialCode = 'M01',
    payload: object = {},
    headers?: Record<string, string>,
  ) =>
    hub.app.inject({
      method: 'POST',
      url: `/v1/cases/${caseNumber}/materials/${materialCode}/fetch-certificate`,
      headers: headers ?? (await clerk()),
      payload,
    })

  const audits = (caseNumber: string, outcome: 'allowed' | 'denied') =>
    countRows(db(), 'audit_records', { case_number: caseNumber, outcome, action: 'certificates.fetch' })

  return { hub, db, people: demoPeople(), clerk, fetchCertificate, audits }
}
