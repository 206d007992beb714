import type { Knex } from 'knex'
import { InputError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import { idempotently } from '../../platform/http/idempotency.ts'
import type { Authorization } from '../../policies/ability.ts'
import { mayChangeResource, mayReadDrafts, mayReadResource } from '../../policies/directory-decisions.ts'
import { LISTED_STATUSES } from '../../policies/directory-rules.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { Resource, ResourceDraft, ResourceVersionList } from '../../schemas/generated/types.ts'
import { type ResourceEventType, recordResourceChange, resourceEvent } from './resource-changes.ts'
import {
  notProviderSteward,
  resourceExists,
  resourceNotFound,
  translateUniqueViolation,
} from './resource-errors.ts'
import { deleteItems, findItems, insertItems } from './resource-item-store.ts'
import { type LifecycleAction, transition } from './resource-lifecycle.ts'
import { listingOf, toMetadata } from './resource-metadata.ts'
import { listedView, providerName, resourceView, versionHistory } from './resource-read-model.ts'
import { checkDraft } from './resource-rules.ts'
import {
  findResource,
  insertResource,
  type ListingFields,
  lockResource,
  type ResourceRecord,
  updateResource,
} from './resource-store.ts'
import {
  findVersion,
  insertVersion,
  replaceVersionMetadata,
  setVersionStatus,
} from './resource-version-store.ts'
import type { ResourceViewCache } from './resource-view-cache.ts'

export interface ResourceServiceDeps {
  db: Knex
  /** Current views of published entries; omit to always read the database. */
  cache?: ResourceViewCache
}

/**
 * The rules of the resource directory: registration, editing (drafts in place, a new version once
 * published), and the review lifecycle. Every change locks the resource row, writes its event to
 * the outbox in the same transaction and records it on the caller's audit trail (`ctx.audit`).
 */
export class ResourceService {
  private readonly db: Knex
  private readonly cache: ResourceViewCache | undefined

  constructor(deps: ResourceServiceDeps) {
    this.db = deps.db
    this.cache = deps.cache
  }

  /** The current version (or, before the first publication, the draft) as the caller may see it. */
  async get(ctx: RequestContext, code: string): Promise<Resource> {
    const [authz, hit] = await Promise.all([ctx.roleAbility(), this.cache?.get(code)])
    if (hit && mayReadResource(authz, hit)) return hit.view
    const found = await listedView(this.db, code)
    if (!found || !mayReadResource(authz, found.record)) {
      throw resourceNotFound(code)
    }
    const { record, view, catalogVersion } = found
    if (LISTED_STATUSES.includes(record.status))
      this.cache?.set(code, { provider: record.provider, status: record.status, view }, catalogVersion)
    return view
  }

  async getVersion(ctx: RequestContext, code: string, version: number): Promise<Resource> {
    const authz = await ctx.roleAbility()
    const record = await this.visible(this.db, authz, code)
    const view = await resourceView(this.db, record, version)
    const isWorking = view?.versionStatus === 'draft' || view?.versionStatus === 'submitted'
    if (!view || (isWorking && !mayReadDrafts(authz, record))) {
      throw new NotFoundError('resource-version-not-found', `Resource ${code} has no version ${version}`)
    }
    return view
  }

  async versions(ctx: RequestContext, code: string): Promise<ResourceVersionList> {
    const authz = await ctx.roleAbility()
    const record = await this.visible(this.db, authz, code)
    return versionHistory(this.db, record, !mayReadDrafts(authz, record))
  }

  async create(
    ctx: RequestContext,
    draft: ResourceDraft,
    idempotencyKey?: string,
  ): Promise<{ resource: Resource; replayed: boolean }> {
    const p = ctx.principal
    if (!mayChangeResource(await ctx.roleAbility(), 'create', { provider: draft.provider }))
      throw notProviderSteward()
    const { value, replayed } = await this.db.transaction((trx) =>
      idempotently(
        trx,
        { subject: p.subject, key: idempotencyKey, operation: 'createResource', body: draft },
        201,
        () => this.insert(trx, ctx, draft),
      ),
    )
    return { resource: value, replayed }
  }

  /** Replaces the working draft, or starts a new draft version of a published resource. */
  async update(ctx: RequestContext, code: string, draft: ResourceDraft): Promise<Resource> {
    return this.evictingAfter(code, () => this.updateInTransaction(ctx, code, draft))
  }

  private async updateInTransaction(
    ctx: RequestContext,
    code: string,
    draft: ResourceDraft,
  ): Promise<Resource> {
    const p = ctx.principal
    const authz = await ctx.roleAbility()
    return this.db.transaction(async (trx) => {
      const record = await this.visible(trx, authz, code, true)
      if (!mayChangeResource(authz, 'edit', record)) throw notProviderSteward()
      const checked = checkDraft(draft)
      if (checked.code !== record.code) {
        throw new InputError('code-mismatch', `The body's code ${checked.code} is not ${record.code}`, {
          errors: [{ path: '/body/code', message: `must be ${record.code}` }],
        })
      }
      if (draft.provider !== record.provider) {
        throw new InputError('provider-change-not-allowed', 'The provider of a resource cannot change', {
          errors: [{ path: '/body/provider', message: `must be ${record.provider}` }],
        })
      }
      const next = transition(await this.state(trx, record), 'edit')
      const metadata = toMetadata(draft, checked)
      let version = record.latestVersion
      if (next.latest === 'new-draft') {
        version = record.latestVersion + 1
        await insertVersion(trx, record.id, version, metadata, p.subject)
      } else {
        await replaceVersionMetadata(trx, record.id, version, metadata)
        await deleteItems(trx, record.id, version)
      }
      await insertItems(trx, record.id, version, draft.items)
      const listed =
        record.currentVersion === null ? { listing: await this.listing(trx, record, version) } : {}
      const updated = await updateResource(trx, record.id, { latestVersion: version, ...listed })
      return this.changed(trx, ctx, updated, version, 'resource.updated', null)
    })
  }

  submit(ctx: RequestContext, code: string): Promise<Resource> {
    return this.move(ctx, code, 'submit', 'edit', null)
  }

  publish(ctx: RequestContext, code: string): Promise<Resource> {
    return this.move(ctx, code, 'publish', 'review', null)
  }

  returnToDraft(ctx: RequestContext, code: string, comment: string): Promise<Resource> {
    return this.move(ctx, code, 'return', 'review', comment.trim())
  }

  deprecate(ctx: RequestContext, code: string, reason: string): Promise<Resource> {
    return this.move(ctx, code, 'deprecate', 'retire', reason.trim())
  }

  withdraw(ctx: RequestContext, code: string, reason: string): Promise<Resource> {
    return this.move(ctx, code, 'withdraw', 'retire', reason.trim())
  }

  private async move(
    ctx: RequestContext,
    code: string,
    action: Exclude<LifecycleAction, 'edit'>,
    may: 'edit' | 'review' | 'retire',
    comment: string | null,
  ): Promise<Resource> {
    const authz = await ctx.roleAbility()
    return this.evictingAfter(code, () =>
      this.db.transaction(async (trx) => {
        const record = await this.visible(trx, authz, code, true)
        if (!mayChangeResource(authz, may, record)) {
          throw new NotAllowedError('resource-action-not-allowed', `You may not ${action} resource ${code}`)
        }
        const next = transition(await this.state(trx, record), action)
        const latest = record.latestVersion
        let shown = latest
        let updated: ResourceRecord
        if (action === 'submit') {
          await setVersionStatus(trx, record.id, latest, { status: 'submitted', submittedAt: true })
          updated = await updateResource(trx, record.id, { status: next.status })
        } else if (action === 'return') {
          await setVersionStatus(trx, record.id, latest, { status: 'draft', reviewComment: comment })
          updated = await updateResource(trx, record.id, { status: next.status })
        } else if (action === 'publish') {
          if (record.currentVersion !== null) {
            await setVersionStatus(trx, record.id, record.currentVersion, { status: 'superseded' })
          }
          const publishedAt = await setVersionStatus(trx, record.id, latest, {
            status: 'published',
            publishedAt: true,
          })
          updated = await updateResource(trx, record.id, {
            status: next.status,
            currentVersion: latest,
            publishedAt,
            listing: await this.listing(trx, record, latest),
          })
        } else {
          shown = record.currentVersion ?? latest
          updated = await updateResource(trx, record.id, { status: next.status, statusReason: comment })
        }
        return this.changed(trx, ctx, updated, shown, EVENT_OF[action], comment)
      }),
    )
  }

  /** Evicts after the commit as well as before, so a read racing the transaction cannot keep stale data. */
  private async evictingAfter<T>(code: string, write: () => Promise<T>): Promise<T> {
    this.cache?.evict(code.replace('-', '/'))
    try {
      return await write()
    } finally {
      this.cache?.evict(code.replace('-', '/'))
    }
  }

  private async insert(trx: Knex.Transaction, ctx: RequestContext, draft: ResourceDraft): Promise<Resource> {
    const p = ctx.principal
    const checked = checkDraft(draft)
    const provider = await providerName(trx, draft.provider, { forShare: true })
    if (provider === undefined) {
      throw new InputError('unknown-provider', `No department has code ${draft.provider}`, {
        errors: [{ path: '/body/provider', message: 'is not a known department' }],
      })
    }
    if (await findResource(trx, checked.code)) throw resourceExists(checked.code)
    const listing = listingOf(checked.code, draft, provider, draft.provider)
    const record = await translateUniqueViolation(checked.code, () =>
      insertResource(trx, { parts: { ximu: '', ...draft.code }, provider: draft.provider, listing }),
    )
    await insertVersion(trx, record.id, 1, toMetadata(draft, checked), p.subject)
    await insertItems(trx, record.id, 1, draft.items)
    return this.changed(trx, ctx, record, 1, 'resource.created', null)
  }

  /** Emits the event and the audit record of a change, and returns the view of `version`. */
  private async changed(
    trx: Knex.Transaction,
    ctx: RequestContext,
    record: ResourceRecord,
    version: number,
    type: ResourceEventType,
    comment: string | null,
  ): Promise<Resource> {
    const view = (await resourceView(trx, record, version))!
    await appendEvents(trx, [
      resourceEvent(type, {
        code: record.code,
        provider: record.provider,
        name: view.name,
        status: record.status,
        version,
        currentVersion: record.currentVersion,
        shareType: view.shareType,
        actor: ctx.principal.subject,
        comment,
      }),
    ])
    await recordResourceChange(ctx.audit, {
      action: type,
      code: record.code,
      version,
      provider: record.provider,
      comment,
    })
    return view
  }

  /** The resource if the caller may see it; a hidden one is indistinguishable from a missing one. */
  private async visible(
    db: Knex | Knex.Transaction,
    authz: Authorization,
    code: string,
    lock = false,
  ): Promise<ResourceRecord> {
    if (lock) {
      // Locks in the order a department rename takes them (department, then its resources), so the
      // two never deadlock; the share lock keeps the provider name this write stores current.
      const provider = (await findResource(db, code))?.provider
      if (provider !== undefined) await providerName(db, provider, { forShare: true })
    }
    const record = lock ? await lockResource(db, code) : await findResource(db, code)
    if (!record || !mayReadResource(authz, record)) {
      throw resourceNotFound(code)
    }
    return record
  }

  private async state(trx: Knex.Transaction, record: ResourceRecord) {
    const latest = await findVersion(trx, record.id, record.latestVersion)
    return { status: record.status, latest: latest!.status }
  }

  private async listing(
    trx: Knex.Transaction,
    record: ResourceRecord,
    version: number,
  ): Promise<ListingFields> {
    const v = await findVersion(trx, record.id, version)
    const items = await findItems(trx, record.id, version)
    const provider = await providerName(trx, record.provider)
    return listingOf(
      record.code,
      { ...v!, code: record.parts, items },
      provider ?? record.provider,
      record.provider,
    )
  }
}

const EVENT_OF: Record<Exclude<LifecycleAction, 'edit'>, ResourceEventType> = {
  submit: 'resource.submitted',
  publish: 'resource.published',
  return: 'resource.returned',
  deprecate: 'resource.deprecated',
  withdraw: 'resource.withdrawn',
}
