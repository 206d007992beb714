import type { Knex } from 'knex'
import { demoWorld } from '../../adapters/simulator-kit/demo-population.ts'
import { formatCertificateId } from '../../platform/identifiers/index.ts'
import { insertCertificate } from './certificate-store.ts'
import { insertCertificateType } from './certificate-type-store.ts'

/**
 * Demo certificate types and certificates (Linfen; seed data only; the service items and the
 * materials these types replace are seeded by directory/service-items/service-item-demo-seed.ts). Each
 * demo issuing department defines its own type (type code = its credit code + sequence), and the
 * first demo people of the simulated population hold certificates, so the clerk flow works against
 * the same people the department simulators know. Idempotent; skips departments that are not there.
 */

const faceSchema = (
  required: string[],
  properties: Record<string, { type: string; description: string }>,
) => ({
  type: 'object',
  required,
  additionalProperties: false,
  properties,
})

export const DEMO_CERTIFICATE_TYPES = [
  {
    department: 'lf-realestate',
    sequence: '001',
    name: '不动产权证书',
    faceSchema: faceSchema(['certificateNumber', 'location', 'area'], {
      certificateNumber: { type: 'string', description: '证书编号, e.g. 晋(2026)临汾市不动产权第0001234号' },
      location: { type: 'string', description: '坐落' },
      area: { type: 'number', description: '面积 (m²)' },
    }),
  },
  {
    department: 'lf-hfund',
    sequence: '001',
    name: '住房公积金缴存证明',
    faceSchema: faceSchema(['accountNumber', 'monthlyAmount', 'paidThrough'], {
      accountNumber: { type: 'string', description: '个人公积金账号' },
      monthlyAmount: { type: 'number', description: '月缴存额 (元)' },
      paidThrough: { type: 'string', description: '缴至年月 YYYY-MM' },
    }),
  },
  {
    department: 'lf-hrss',
    sequence: '001',
    name: '社会保险参保证明',
    faceSchema: faceSchema(['insuranceKinds', 'months'], {
      insuranceKinds: { type: 'string', description: '参保险种' },
      months: { type: 'integer', description: '累计缴费月数' },
    }),
  },
  {
    department: 'lf-housing',
    sequence: '001',
    name: '商品房买卖合同备案证明',
    faceSchema: faceSchema(['contractNumber', 'project'], {
      contractNumber: { type: 'string', description: '合同备案号' },
      project: { type: 'string', description: '项目名称' },
    }),
  },
] as const

const FACE_DATA: Record<string, (i: number) => Record<string, unknown>> = {
  'lf-realestate': (i) => ({
    certificateNumber: `晋(2026)临汾市不动产权第${String(1000 + i).padStart(7, '0')}号`,
    location: `临汾市尧都区鼓楼南街${i + 1}号`,
    area: 89.5 + i,
  }),
  'lf-hfund': (i) => ({
    accountNumber: `1410${String(50000 + i)}`,
    monthlyAmount: 860 + i * 10,
    paidThrough: '2026-10',
  }),
  'lf-hrss': (i) => ({ insuranceKinds: '养老,医疗,失业', months: 60 + i }),
  'lf-housing': (i) => ({ contractNumber: `LFBA2026${String(i).padStart(5, '0')}`, project: '临汾滨河花园' }),
}

export async function seedDemoCertificates(db: Knex, { holders = 5 } = {}): Promise<void> {
  const credit = new Map(
    (
      (await db('departments').select('code', 'credit_code')) as {
        code: string
        credit_code: string | null
      }[]
    ).map((d) => [d.code, d.credit_code]),
  )
  const typeCodes = new Map<string, string>()
  for (const t of DEMO_CERTIFICATE_TYPES) {
    const creditCode = credit.get(t.department)
    if (!creditCode) continue
    const code = `${creditCode}${t.sequence}`
    typeCodes.set(t.department, code)
    await insertCertificateType(db, {
      code,
      name: t.name,
      issuerDepartment: t.department,
      faceSchema: t.faceSchema,
    })
  }

  const people = demoWorld().people.slice(0, holders)
  for (const [department, typeCode] of typeCodes) {
    for (const [i, person] of people.entries()) {
      await insertCertificate(db, {
        id: formatCertificateId({
          typeCode,
          issuer: credit.get(department)!,
          serial: `DEMO${i + 1}`,
          version: '001',
        }),
        typeCode,
        issuerDepartment: department,
        holder: { idType: 'resident-id', idNumber: person.residentId, name: person.name },
        issuedOn: '2026-01-15',
        validFrom: '2026-01-15',
        validUntil: department === 'lf-realestate' ? null : '2027-01-14',
        faceData: FACE_DATA[department]!(i),
      })
    }
  }
}
