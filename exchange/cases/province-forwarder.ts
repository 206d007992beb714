import type { Knex } from 'knex'
import { Counter, Gauge, type Registry } from 'prom-client'
import type { DepartmentAdapter } from '../../adapters/adapter-contract.ts'
import { findDepartment } from '../../directory/departments/department-store.ts'
import { InputError } from '../../platform/errors/app-error.ts'
import type { EventsLogger, ReceivedEvent } from '../../platform/events/event-types.ts'
import type { CaseEvent, CaseReportRecord } from '../../schemas/generated/types.ts'
import { markProvinceForwarded, provinceBacklog } from './case-change-store.ts'
import { CASE_TOPIC } from './case-distributor.ts'

export const CASE_REPORT_KIND = 'case-report'

/**
 * Forwards every case event to the provincial platform through its adapter, in order per case and at
 * least once: it runs as its own consumer group on `case-events`, whose handler blocks its partition
 * and retries while the province is down, so it catches up by itself afterwards. The idempotency key
 * (请求流水号) is `<caseNumber>.<sequence>`, so a re-delivered event is a duplicate the province ignores.
 */
export class ProvinceForwarder {
  private readonly departmentNames = new Map<string, string>()
  private readonly rejected: Counter | undefined

  constructor(
    private readonly db: Knex,
    private readonly adapter: DepartmentAdapter,
    private readonly logger: EventsLogger,
    registry?: Registry,
  ) {
    if (registry) this.rejected = provinceRejectedCounter(registry)
  }

  readonly handle = async (event: ReceivedEvent): Promise<void> => {
    if (event.topic !== CASE_TOPIC) return
    const payload = event.payload as CaseEvent
    const report = toCaseReport(payload, await this.departmentName(payload.department))
    try {
      await this.adapter.push!(CASE_REPORT_KIND, report as unknown as Record<string, unknown>, {
        idempotencyKey: `${payload.caseNumber}.${payload.sequence}`,
      })
    } catch (error) {
      // Our own data broke the province's contract: retrying cannot help and would stall every case
      // behind it, so it is counted and logged (without the report) and the stream moves on.
      if (!(error instanceof InputError)) throw error
      this.rejected?.inc()
      this.logger.error(
        { code: error.code, caseNumber: payload.caseNumber, sequence: payload.sequence },
        'case report refused before sending to the province',
      )
    }
    await markProvinceForwarded(this.db, event.eventId)
  }

  private async departmentName(code: string): Promise<string> {
    let name = this.departmentNames.get(code)
    if (!name) {
      name = (await findDepartment(this.db, code))?.name ?? code
      this.departmentNames.set(code, name)
    }
    return name
  }
}

const STAGES = { review: 'reviewed', decide: 'decided', complete: 'completed' } as const

export function toCaseReport(event: CaseEvent, departmentName: string): CaseReportRecord {
  const stage = event.step
    ? STAGES[event.step.action]
    : event.kind === 'basic'
      ? 'accepted'
      : event.kind === 'special'
        ? 'special-procedure'
        : 'completed'
  const outcome = event.result?.outcome
  return {
    caseNumber: event.caseNumber,
    serviceItemCode: event.serviceItemCode,
    serviceItemName: event.serviceItemName,
    applicantIdType: event.applicant.idType,
    applicantIdNumber: event.applicant.idNumber,
    applicantName: event.applicant.name,
    departmentCode: event.department,
    departmentName,
    divisionCode: event.divisionCode,
    stage,
    occurredAt: event.occurredAt,
    decision: outcome === 'approved' || outcome === 'rejected' ? outcome : null,
    handler: event.step?.handler ?? event.specialProcedure?.handler ?? event.basic?.acceptedBy ?? null,
  }
}

function provinceRejectedCounter(registry: Registry): Counter {
  const existing = registry.getSingleMetric('hub_province_rejected_total')
  if (existing) return existing as Counter
  return new Counter({
    name: 'hub_province_rejected_total',
    help: 'Case events the province adapter refused to send because the report broke its schema',
    registers: [registry],
  })
}

/** Case changes not yet handed to the province, read at scrape time. */
export function registerProvinceBacklog(registry: Registry, db: Knex): void {
  if (registry.getSingleMetric('hub_province_backlog')) return
  new Gauge({
    name: 'hub_province_backlog',
    help: 'Case changes recorded but not yet forwarded to the provincial platform',
    registers: [registry],
    async collect() {
      this.set(await provinceBacklog(db).catch(() => Number.NaN))
    },
  })
}
