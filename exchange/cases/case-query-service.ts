import { reportWindow } from '../../platform/calendar/report-window.ts'
import { InputError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import {
  type CaseGrantLookup,
  type CaseView,
  canListCasesOf,
  canSearchByApplicant,
  caseReadView,
  caseStatisticsScope,
  maskIdentifier,
} from '../../policies/case-policy.ts'
import { toKnexWhere } from '../../policies/knex-where.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type {
  Case,
  CaseApplicantSearch,
  CaseBasic,
  CaseList,
  CaseParty,
  CaseStatistics,
  CaseSummary,
} from '../../schemas/generated/types.ts'
import type { ChangeRow } from './case-change-store.ts'
import { type CaseListFilter, type CaseReadModel, encodeCursor, isOverdue } from './case-read-model.ts'
import { checkParty } from './case-rules.ts'
import type { CaseRow } from './case-store.ts'

/**
 * Reads of case data: every one is decided by the caller's ability (asked through
 * `policies/case-policy.ts`), audited (allowed or denied) before the answer leaves, and masked to
 * what the caller may see. A case the caller may not see answers 404, exactly like a case that does
 * not exist.
 */
export class CaseQueryService {
  constructor(
    private readonly read: CaseReadModel,
    private readonly grants: CaseGrantLookup,
  ) {}

  async get(ctx: RequestContext, caseNumber: string): Promise<Case> {
    const found = await this.read.caseWithTimeline(caseNumber)
    const view = found
      ? await caseReadView(
          await ctx.ability(),
          ctx.principal.department,
          {
            department: found.row.department_code,
            serviceItemCode: found.row.service_item_code,
            divisionCode: found.row.division_code,
          },
          this.grants,
        )
      : null
    const base = { action: 'cases.read', resourceType: 'case', resourceId: caseNumber, caseNumber } as const
    if (!found || !view) {
      throw await ctx.audit.refused(
        new NotFoundError('case-not-found', `No case ${caseNumber} is visible to you`, {
          auditReason: found ? 'case-not-visible' : 'case-not-found',
        }),
        base,
      )
    }
    await ctx.audit.record({
      ...base,
      outcome: 'allowed',
      subjectId: found.row.applicant_id_number,
      grantId: view.grantId,
      items: viewItems(view),
    })
    return toCase(found.row, found.changes, view)
  }

  async list(ctx: RequestContext, filter: CaseListFilter): Promise<CaseList> {
    const ability = await ctx.ability()
    const decision = canListCasesOf(ability, filter.department)
    const base = {
      action: 'cases.read',
      resourceType: 'case-list',
      resourceId: filter.department ?? null,
    } as const
    if (!decision.allowed) {
      throw await ctx.audit.refused(
        new NotAllowedError(decision.reason, 'You may list only the cases of your own department'),
        base,
      )
    }
    // The ability's list rules are the scope: its own department for most, every one for oversight.
    const rows = await this.read.list(filter, toKnexWhere(ability.ability, 'list', 'Case', CASE_COLUMNS))
    const page = rows.slice(0, filter.limit)
    await ctx.audit.record({
      ...base,
      outcome: 'allowed',
      details: { returned: page.length, caseNumbers: page.map((r) => r.case_number) },
    })
    const last = page.at(-1)
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null,
    }
  }

  /** One number (一号申请): the applicant's cases the caller may see, across departments. */
  async byApplicant(ctx: RequestContext, search: CaseApplicantSearch): Promise<CaseList> {
    const problems: { path: string; message: string }[] = []
    const party = checkParty(
      {
        kind: search.idType === 'resident-id' ? 'person' : 'legal-entity',
        name: '-',
        idType: search.idType,
        idNumber: search.idNumber,
      },
      '',
      problems,
    )
    if (problems.length > 0)
      throw new InputError('invalid-applicant-id', 'The identifier is not valid', { errors: problems })
    const base = {
      action: 'cases.read',
      resourceType: 'case-applicant',
      subjectId: party.idNumber,
      caseNumber: search.caseNumber ?? null,
    } as const
    const ability = await ctx.ability()
    const decision = canSearchByApplicant(ability)
    if (!decision.allowed) {
      throw await ctx.audit.refused(
        new NotAllowedError(decision.reason, 'One-number search is for windows and consumer systems'),
        base,
      )
    }
    const rows = await this.read.byApplicant(party.idType, party.idNumber, search.openOnly ?? true)
    const visible: CaseRow[] = []
    const grantIds = new Set<string>()
    for (const row of rows) {
      const view = await caseReadView(
        ability,
        ctx.principal.department,
        {
          department: row.department_code,
          serviceItemCode: row.service_item_code,
          divisionCode: row.division_code,
        },
        this.grants,
      )
      if (!view) continue
      visible.push(row)
      if (view.grantId) grantIds.add(view.grantId)
    }
    await ctx.audit.record({
      ...base,
      outcome: 'allowed',
      grantId: [...grantIds][0] ?? null,
      details: { returned: visible.length, caseNumbers: visible.map((r) => r.case_number) },
    })
    return { items: visible.map(toSummary), nextCursor: null }
  }

  async statistics(ctx: RequestContext, window: { from?: string; to?: string }): Promise<CaseStatistics> {
    const { from, to } = reportWindow(window)
    if (Date.parse(to) <= Date.parse(from))
      throw new InputError('invalid-period', '`to` must be after `from`')
    const scope = caseStatisticsScope(await ctx.ability())
    if (!scope.allowed) {
      throw await ctx.audit.refused(
        new NotAllowedError('case-read-role-required', 'You may not read case statistics'),
        { action: 'cases.statistics', resourceType: 'case-statistics', details: { from, to } },
      )
    }
    return { from, to, departments: await this.read.statistics(from, to, scope.department) }
  }
}

/** The `Case` attributes the list rules test, as columns of `cases`. */
const CASE_COLUMNS = { department: 'department_code' } as const

function viewItems(view: CaseView): string[] {
  return [
    'basic',
    'process',
    'result',
    ...(view.identifiers ? ['applicant-id'] : []),
    ...(view.form ? ['form'] : []),
  ]
}

function maskParty(party: CaseParty, view: CaseView): CaseParty {
  return view.identifiers ? party : { ...party, idNumber: maskIdentifier(party.idType, party.idNumber) }
}

export function maskBasic(basic: CaseBasic, view: CaseView): CaseBasic {
  const { form, agent, ...rest } = basic
  return {
    ...rest,
    applicant: maskParty(basic.applicant, view),
    ...(agent ? { agent: maskParty(agent, view) } : {}),
    ...(view.form && form !== undefined ? { form } : {}),
  }
}

function toCase(row: CaseRow, changes: ChangeRow[], view: CaseView): Case {
  return {
    caseNumber: row.case_number,
    serviceItemCode: row.service_item_code,
    serviceItemName: row.service_item_name,
    serviceItemVersion: row.service_item_version,
    department: row.department_code,
    divisionCode: row.division_code,
    status: row.status,
    applicant: maskParty(row.basic.applicant, view),
    channel: row.channel,
    acceptedAt: row.accepted_at.toISOString(),
    promisedAt: row.promised_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    outcome: row.outcome,
    overdue: isOverdue(row),
    timeLimitPausedSeconds: Number(row.special_paused_seconds),
    openSpecialProcedure: row.special_open_id,
    basic: maskBasic(row.basic, view),
    result: row.result,
    timeline: changes.map((c) => ({
      sequence: c.sequence,
      kind: c.kind,
      recordedAt: c.recorded_at.toISOString(),
      ...(c.payload.step ? { step: c.payload.step } : {}),
      ...(c.payload.specialProcedure ? { specialProcedure: c.payload.specialProcedure } : {}),
      ...(c.payload.result ? { result: c.payload.result } : {}),
    })),
  }
}

function toSummary(row: CaseRow): CaseSummary {
  return {
    caseNumber: row.case_number,
    serviceItemCode: row.service_item_code,
    serviceItemName: row.service_item_name,
    department: row.department_code,
    status: row.status,
    applicantName: row.applicant_name,
    applicantIdMasked: maskIdentifier(row.applicant_id_type, row.applicant_id_number),
    acceptedAt: row.accepted_at.toISOString(),
    promisedAt: row.promised_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    overdue: isOverdue(row),
  }
}
