import type { Principal } from '../../schemas/generated/types.ts'

/**
 * Demo callers, one per role, matching the seeded Linfen departments. `npm run token -- <name>`
 * prints a token for one of them. Seed data only: nothing in the hub depends on these names.
 */
export const DEMO_PRINCIPALS: Record<string, Principal> = {
  steward: { subject: 'demo-steward-hrss', department: 'lf-hrss', roles: ['steward'], district: '141000' },
  consumer: {
    subject: 'demo-consumer-housing-fund',
    department: 'lf-hfund',
    roles: ['consumer'],
    district: '141000',
  },
  clerk: { subject: 'demo-clerk-approval', department: 'lf-approval', roles: ['clerk'], district: '141000' },
  reviewer: {
    subject: 'demo-reviewer-bigdata',
    department: 'lf-bigdata',
    roles: ['reviewer'],
    district: '141000',
  },
  auditor: { subject: 'demo-auditor', department: 'lf-bigdata', roles: ['auditor'], district: '141000' },
  admin: { subject: 'demo-admin', department: 'lf-bigdata', roles: ['admin'], district: '141000' },
  service: {
    subject: 'svc-real-estate',
    department: 'lf-realestate',
    roles: ['service'],
    district: '141000',
  },
  citizen: { subject: 'citizen-demo', department: null, roles: ['citizen'], district: null },
}
