import type { Knex } from 'knex'
import { InputError, NotAllowedError } from '../../platform/errors/app-error.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import { mayChangeResource } from '../../policies/directory-decisions.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { ResourceDraft, ResourceImportResult } from '../../schemas/generated/types.ts'
import { recordResourceChange, resourceEvent } from './resource-changes.ts'
import { renderCode } from './resource-code.ts'
import { translateUniqueViolation } from './resource-errors.ts'
import { insertItemsOf } from './resource-item-store.ts'
import { listingOf, toMetadata } from './resource-metadata.ts'
import { providerName } from './resource-read-model.ts'
import { deriveRecordSchema, recordSchemaProblems } from './resource-record-schema.ts'
import { draftViolations } from './resource-rules.ts'
import { existingCodes, insertResources } from './resource-store.ts'
import { insertVersions } from './resource-version-store.ts'

/**
 * Bulk registration of drafts: every row is checked first and all problems are reported together
 * (paths `/body/resources/<row>/…`); only a batch without any problem is written, in one
 * transaction with set-based inserts, so a 500-row batch costs a handful of statements.
 */
export class ResourceImporter {
  constructor(private readonly db: Knex) {}

  async importDrafts(ctx: RequestContext, drafts: ResourceDraft[]): Promise<ResourceImportResult> {
    const p = ctx.principal
    const authz = await ctx.roleAbility()
    const foreign = drafts.flatMap((d, i) => (mayChangeResource(authz, 'create', d) ? [] : [i]))
    if (foreign.length > 0) {
      throw new NotAllowedError(
        'not-provider-steward',
        'A steward imports only their own department’s resources',
        {
          errors: foreign.map((i) => ({
            path: `/body/resources/${i}/provider`,
            message: 'is not your department',
          })),
        },
      )
    }
    const errors: { path: string; message: string }[] = []
    const codes = drafts.map((d) => renderCode(d.code))
    const recordSchemas = drafts.map((d, i) => {
      const at = `/body/resources/${i}`
      for (const v of draftViolations(d))
        errors.push({ path: v.path.replace('/body', at), message: v.message })
      if (!d.recordSchema) return { recordSchema: deriveRecordSchema(d.items), recordSchemaDerived: true }
      for (const problem of recordSchemaProblems(d.recordSchema, d.items)) {
        errors.push({
          path: problem.path.replace('/body', at),
          message: `record-schema-mismatch: ${problem.message}`,
        })
      }
      return { recordSchema: d.recordSchema, recordSchemaDerived: false }
    })
    const firstRow = new Map<string, number>()
    for (const [i, code] of codes.entries()) {
      if (firstRow.has(code))
        errors.push({ path: `/body/resources/${i}/code`, message: `repeats row ${firstRow.get(code)}` })
      else firstRow.set(code, i)
    }
    const taken = await existingCodes(this.db, codes)
    for (const [i, code] of codes.entries()) {
      if (taken.has(code))
        errors.push({ path: `/body/resources/${i}/code`, message: `${code} already exists` })
    }
    const provider = p.department === null ? undefined : await providerName(this.db, p.department)
    if (provider === undefined)
      errors.push({ path: '/body/resources', message: 'your department is not registered' })
    if (errors.length > 0) {
      throw new InputError(
        'import-invalid',
        `The import is invalid; nothing was written (${errors.length} problems)`,
        {
          errors,
        },
      )
    }

    return this.db.transaction(async (trx) => {
      // Read again under a share lock: a rename since the check above must not be missed (see providerName).
      const current = (await providerName(trx, p.department!, { forShare: true })) ?? provider!
      const records = await translateUniqueViolation('(one of the imported codes)', () =>
        insertResources(
          trx,
          drafts.map((d, i) => ({
            parts: { ximu: '', ...d.code },
            provider: d.provider,
            listing: listingOf(codes[i]!, d, current, d.provider),
          })),
        ),
      )
      const version = (i: number) => ({ resourceId: records[i]!.id, version: 1 })
      await insertVersions(
        trx,
        drafts.map((d, i) => ({
          ...version(i),
          metadata: toMetadata(d, { code: codes[i]!, ...recordSchemas[i]! }),
        })),
        p.subject,
      )
      await insertItemsOf(
        trx,
        drafts.map((d, i) => ({ ...version(i), items: d.items })),
      )
      await appendEvents(
        trx,
        records.map((r, i) =>
          resourceEvent('resource.created', {
            code: r.code,
            provider: r.provider,
            name: drafts[i]!.name.trim(),
            status: r.status,
            version: 1,
            currentVersion: null,
            shareType: drafts[i]!.shareType,
            actor: p.subject,
            comment: 'imported',
          }),
        ),
      )
      for (const r of records) {
        await recordResourceChange(ctx.audit, {
          action: 'resource.created',
          code: r.code,
          version: 1,
          provider: r.provider,
          comment: 'imported',
        })
      }
      return { imported: records.length, codes: records.map((r) => r.code) }
    })
  }
}
