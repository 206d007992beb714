import type { Knex } from 'knex'
import { InputError, NotAllowedError } from '../../platform/errors/app-error.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import { serviceItemChange } from '../../policies/directory-decisions.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { ServiceItem, ServiceItemImportResult } from '../../schemas/generated/types.ts'
import { changeAudit, refusedChange, serviceItemEvent } from './service-item-changes.ts'
import { csvPath, csvToDrafts } from './service-item-csv.ts'
import { translateDuplicate } from './service-item-errors.ts'
import { replaceMaterials } from './service-item-material-store.ts'
import {
  type CodedProblem,
  type CodePatterns,
  fieldProblems,
  type ItemInput,
  recordOf,
  referenceProblems,
  searchTextOf,
  toMaterials,
} from './service-item-rules.ts'
import { existingServiceItemCodes, insertServiceItems } from './service-item-store.ts'
import { insertVersions } from './service-item-version-store.ts'

/**
 * Bulk creation of service items from JSON or CSV: every row is checked first and all problems are
 * reported together (JSON paths `/body/items/<i>/…`, CSV paths `/body/rows/<line>/<column>`); only
 * a batch without any problem is written, in one transaction with set-based inserts.
 */
export class ServiceItemImporter {
  constructor(
    private readonly db: Knex,
    private readonly patterns: CodePatterns,
  ) {}

  importCsv(ctx: RequestContext, csv: string): Promise<ServiceItemImportResult> {
    const parsed = csvToDrafts(csv)
    if (parsed.problems.length > 0) throw invalid(parsed.problems)
    return this.importDrafts(ctx, parsed.drafts, (path) => csvPath(parsed.lines, path))
  }

  async importDrafts(
    ctx: RequestContext,
    drafts: readonly ItemInput[],
    pathOf: (path: string) => string = (path) => path,
  ): Promise<ServiceItemImportResult> {
    const p = ctx.principal
    const authz = await ctx.roleAbility()
    const foreign = drafts.flatMap((d, i) => {
      const decision = serviceItemChange(authz, d.department)
      return decision.allowed ? [] : [{ i, code: d.code, reason: decision.reason }]
    })
    const [first, ...others] = foreign
    if (first) {
      // Every refused row is on the trail: the others as denied records, the first with the 403.
      await Promise.all(
        others.map((f) =>
          ctx.audit.record({ ...refusedChange('import', f.code), outcome: 'denied', reason: f.reason }),
        ),
      )
      const error = new NotAllowedError(
        first.reason,
        'Only hub admins and stewards of the handling department create its service items',
        {
          errors: foreign.map((f) => ({
            path: pathOf(`/body/items/${f.i}/department`),
            message: 'is not your department',
          })),
        },
      )
      throw await ctx.audit.refused(error, refusedChange('import', first.code))
    }
    const problems: CodedProblem[] = drafts.flatMap((d, i) =>
      fieldProblems(d, this.patterns, `/body/items/${i}`),
    )
    const firstRow = new Map<string, number>()
    for (const [i, d] of drafts.entries()) {
      if (firstRow.has(d.code))
        problems.push({
          path: `/body/items/${i}/code`,
          message: `repeats item ${firstRow.get(d.code)}`,
          code: 'duplicate-code',
        })
      else firstRow.set(d.code, i)
    }
    const taken = await existingServiceItemCodes(
      this.db,
      drafts.map((d) => d.code),
    )
    for (const [i, d] of drafts.entries())
      if (taken.has(d.code))
        problems.push({
          path: `/body/items/${i}/code`,
          message: `${d.code} already exists`,
          code: 'service-item-exists',
        })
    const checked = await referenceProblems(
      this.db,
      drafts.map((d, i) => ({
        at: `/body/items/${i}`,
        department: d.department,
        materials: d.materials ?? [],
      })),
    )
    problems.push(...checked.problems)
    if (problems.length > 0) throw invalid(problems.map((x) => ({ ...x, path: pathOf(x.path) })))

    const next = drafts.map((d) => {
      const department = checked.departments.get(d.department)!
      const record = recordOf(d.code, d, department, {
        version: 1,
        status: 'active',
        statusReason: null,
        origin: 'local',
      })
      const materials = toMaterials(d.code, d.materials ?? [])
      return { record, materials, searchText: searchTextOf(record, department.name, materials) }
    })
    return this.db.transaction(async (trx) => {
      const saved = await translateDuplicate('(one of the imported codes)', () =>
        insertServiceItems(trx, next),
      )
      await replaceMaterials(trx, new Map(next.map((n) => [n.record.code, n.materials])))
      const views: ServiceItem[] = saved.map((s, i) => ({ ...s, materials: next[i]!.materials }))
      await insertVersions(
        trx,
        views.map((v) => ({ snapshot: v, changedBy: p.subject, change: 'service-item.created' })),
      )
      await appendEvents(
        trx,
        views.map((v) => serviceItemEvent('service-item.created', v, p.subject, 'imported')),
      )
      await Promise.all(
        views.map((v) => ctx.audit.record(changeAudit('service-item.created', v, 'imported'))),
      )
      return { imported: views.length, codes: views.map((v) => v.code) }
    })
  }
}

function invalid(problems: readonly { path: string; message: string }[]): InputError {
  return new InputError(
    'import-invalid',
    `The import is invalid; nothing was written (${problems.length} problems)`,
    { errors: problems.map(({ path, message }) => ({ path, message })) },
  )
}
