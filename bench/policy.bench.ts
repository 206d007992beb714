import { performance } from 'node:perf_hooks'
import { asSubject, buildAuthorization, can, type GrantFacts, permittedItems } from '../policies/ability.ts'
import { AbilityService } from '../policies/ability-service.ts'
import type { Principal } from '../schemas/generated/types.ts'
import type { BenchModule } from './run.ts'

/**
 * Authorization cost for a clerk whose department holds 1,000 grants (target: build + check p99 ≤ 0.2 ms).
 * - `cold`: build the CASL ability from 1,000 grants, then one check — what the first request after a
 *   grant change pays.
 * - `warm`: what every other request pays: the cache lookup (epoch unchanged; the epoch read is an
 *   in-memory stub here, in the hub it is one primary-key row) plus one check and permitted items.
 */

const GRANTS = 1000
const ITEMS = ['gmsfhm', 'xm', 'sjhm', 'jfjs', 'jfny', 'dwmc']
const now = new Date()
const principal: Principal = {
  subject: 'clerk-1',
  department: 'lf-approval',
  roles: ['clerk'],
  district: null,
}

const grants: GrantFacts[] = Array.from({ length: GRANTS }, (_, i) => ({
  id: String(i + 1),
  resourceId: String(i + 1),
  consumerDepartment: 'lf-approval',
  subjects: [],
  versionFrom: 1,
  versionTo: null,
  items: ITEMS.slice(0, 1 + (i % ITEMS.length)),
  rowConditions:
    i % 3 === 0 ? { districtIn: ['141002', '141021'] } : i % 3 === 1 ? { applicantOfOpenCase: true } : {},
  masking: { gmsfhm: 'resident-id' },
  purposeCode: 'administrative-basis',
  validFrom: new Date(now.getTime() - 86_400_000),
  validUntil: new Date(now.getTime() + 86_400_000 * 30),
  status: 'active',
  rateLimitPerMinute: 60,
  dailyVolumeCap: 1000,
}))

function quantiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50: +at(0.5).toFixed(4), p99: +at(0.99).toFixed(4), max: +sorted.at(-1)!.toFixed(4) }
}

const record = (i: number) =>
  asSubject('Record', {
    resourceId: String((i % GRANTS) + 1),
    version: 1,
    purposeCode: 'administrative-basis',
    district: '141002',
    applicantOfOpenCase: true,
  })

const bench: BenchModule = {
  name: 'policy',
  async run(report) {
    const cold: number[] = []
    for (let i = 0; i < 3000; i++) {
      const started = performance.now()
      const authz = buildAuthorization(principal, grants, now)
      can(authz, 'fetch', record(i), 'xm')
      cold.push(performance.now() - started)
    }
    report({
      case: 'cold build + check',
      grants: GRANTS,
      runs: cold.length,
      unit: 'ms',
      ...quantiles(cold.slice(200)),
    })

    const service = new AbilityService({
      grants: { epoch: async () => 1, activeGrants: async () => grants },
    })
    await service.forPrincipal(principal)
    const warm: number[] = []
    for (let i = 0; i < 20_000; i++) {
      const started = performance.now()
      const authz = await service.forPrincipal(principal)
      const subject = record(i)
      can(authz, 'fetch', subject, 'xm')
      permittedItems(authz, subject, ITEMS)
      warm.push(performance.now() - started)
    }
    report({
      case: 'cached lookup + check + items',
      grants: GRANTS,
      runs: warm.length,
      unit: 'ms',
      ...quantiles(warm.slice(1000)),
    })
  },
}

export default bench
