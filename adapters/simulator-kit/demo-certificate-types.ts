/**
 * The certificate type codes the simulated department systems issue under: the issuing
 * department's demo credit code + `001`, the same codes `exchange/certificates/demo-certificates.ts`
 * registers, so what a simulator issues is ingested under a type the demo hub knows.
 */
import { demoDepartments } from './demo-departments.ts'

export function demoCertificateTypeCode(department: string): string {
  const found = demoDepartments().find((d) => d.code === department)
  if (!found) throw new Error(`no demo department ${department}`)
  return `${found.credit_code}001`
}
