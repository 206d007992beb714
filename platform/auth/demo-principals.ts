import type { Principal } from '../../schemas/generated/types.ts'

/** The resident ID of the demo citizen (a person of the simulated demo population). */
export const DEMO_CITIZEN_ID_NUMBER = '141002198104108245'

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
  leader: { subject: 'demo-leader-bigdata', department: 'lf-bigdata', roles: ['leader'], district: '141000' },
  service: {
    subject: 'svc-real-estate',
    department: 'lf-realestate',
    roles: ['service'],
    district: '141000',
  },
  // 张然英, a person of the demo population who holds one certificate of each demo type; her token
  // carries her resident ID as the provincial identity platform would after real-name verification.
  citizen: {
    subject: 'citizen-demo',
    department: null,
    roles: ['citizen'],
    district: null,
    idNumber: DEMO_CITIZEN_ID_NUMBER,
  },
}

/** How the console's dev sign-in page shows a demo principal. */
export interface DemoPrincipalProfile {
  displayName: string
  departmentName: string | null
}

/**
 * The demo people of the console's dev sign-in page. The `service` principal is missing on purpose:
 * it is a department system, which calls the API with a bearer token and never signs in to the console.
 */
export const DEMO_PRINCIPAL_PROFILES: Record<string, DemoPrincipalProfile> = {
  steward: { displayName: '人社局数据管理员', departmentName: '临汾市人力资源和社会保障局' },
  consumer: { displayName: '公积金中心数据使用员', departmentName: '临汾市住房公积金管理中心' },
  clerk: { displayName: '行政审批局窗口受理员', departmentName: '临汾市行政审批服务管理局' },
  reviewer: { displayName: '大数据办目录审核员', departmentName: '临汾市大数据应用局（市大数据办）' },
  auditor: { displayName: '大数据办安全审计员', departmentName: '临汾市大数据应用局（市大数据办）' },
  admin: { displayName: '平台运维管理员', departmentName: '临汾市大数据应用局（市大数据办）' },
  leader: { displayName: '大数据办主任', departmentName: '临汾市大数据应用局（市大数据办）' },
  citizen: { displayName: '演示市民', departmentName: null },
}
