import { createHash, randomUUID } from 'node:crypto'
import { CompactSign, calculateJwkThumbprint, importJWK, type JWK } from 'jose'
import type { Knex } from 'knex'
import { findGrant } from '../../directory/grants/grant-store.ts'
import { NotAllowedError, NotFoundError, UnavailableError } from '../../platform/errors/app-error.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { Principal, SubscriptionFile } from '../../schemas/generated/types.ts'
import { publishedResource } from '../fetch/fetch-source-read-model.ts'
import type { KindFields } from '../fetch/record-source.ts'
import type { DisputedRecordKeys } from './delivery-target.ts'
import { projectRecord } from './subscription-projection.ts'
import { deliveryScope, lockGrant } from './subscription-scope.ts'
import { findSubscription, type SubscriptionRow, updateSubscription } from './subscription-store.ts'

/**
 * File exchange (文件交换): a snapshot of what the grant lets out, as NDJSON and as CSV (UTF-8 with a
 * BOM, so Excel opens it as UTF-8), with a manifest — rows, bytes and SHA-256 per file, grant id, the
 * change-stream position it reflects — signed as a compact JWS (ES256) with the hub's audit signing
 * key (public keys at /v1/audit/checkpoint-keys). Made in one transaction that reads the grant
 * FOR SHARE, like a delivery batch, and audited before it is stored.
 */

export const MANIFEST_JWS_TYPE = 'hub-subscription-manifest+jws'
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export class FileSnapshots {
  private key: Promise<{ key: Awaited<ReturnType<typeof importJWK>>; kid: string }> | undefined

  constructor(
    private readonly deps: {
      db: Knex
      fieldsOf: KindFields
      signingKey: string | null | undefined
      disputes: DisputedRecordKeys
    },
  ) {}

  async create(ctx: RequestContext, id: string): Promise<SubscriptionFile> {
    const sub = await this.own(ctx.principal, id)
    const signer = await this.signer()
    const base = {
      action: 'exchange.subscription.file',
      resourceType: 'resource',
      resourceId: sub.resource_code,
    }
    const made = await this.deps.db.transaction(async (trx) => {
      const grant = await lockGrant(trx, sub)
      if (grant.status !== 'active' || grant.validUntil.getTime() <= Date.now()) {
        const reason = grant.status === 'revoked' ? 'grant-revoked' : 'grant-expired'
        await updateSubscription(trx, sub.id, { status: 'stopped', stop_reason: reason })
        return { refused: reason }
      }
      const resource = await publishedResource(trx, sub.resource_code)
      if (!resource) return { refused: 'resource-not-found' }
      const { items, source } = deliveryScope(grant, resource, sub.record_kind, this.deps.fieldsOf)
      const rows = (await trx('hub_records')
        .where({ kind: sub.record_kind })
        .orderBy('record_id')
        .select('record_id', 'subject_id', 'data', 'change_seq')) as {
        record_id: string
        subject_id: string
        data: Record<string, unknown>
        change_seq: string
      }[]
      const disputes = await this.deps.disputes(trx, sub.resource_code)
      const ndjson: string[] = []
      // `objection_id` last: the record's unresolved data objection when the snapshot was made, if any.
      const csv: string[] = [['record_id', 'position', ...items, 'objection_id'].map(csvField).join(',')]
      let position = '0'
      const subjects = new Set<string>()
      for (const row of rows) {
        if (BigInt(row.change_seq) > BigInt(position)) position = String(row.change_seq)
        const values = projectRecord(grant, items, source, row)
        if (values === null) continue
        subjects.add(row.subject_id)
        const objectionId = disputes.get(row.record_id)
        ndjson.push(
          JSON.stringify({
            recordId: row.record_id,
            position: String(row.change_seq),
            items: values,
            ...(objectionId ? { disputed: true, objectionId } : {}),
          }),
        )
        csv.push(
          [row.record_id, row.change_seq, ...items.map((i) => values[i]), objectionId]
            .map(csvField)
            .join(','),
        )
      }
      const ndjsonBytes = Buffer.from(ndjson.length ? `${ndjson.join('\n')}\n` : '', 'utf8')
      const csvBytes = Buffer.from(`\uFEFF${csv.join('\r\n')}\r\n`, 'utf8')
      const snapshotId = randomUUID()
      const file = (name: string, bytes: Buffer) => ({
        name,
        rows: ndjson.length,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      })
      const manifest: SubscriptionFile['manifest'] = {
        snapshotId,
        subscriptionId: sub.id,
        resourceCode: sub.resource_code,
        grantId: grant.id,
        asOfPosition: position,
        generatedAt: new Date().toISOString(),
        items,
        files: [file('data.ndjson', ndjsonBytes), file('data.csv', csvBytes)],
      }
      const json = JSON.stringify(manifest)
      const signature = await new CompactSign(new TextEncoder().encode(json))
        .setProtectedHeader({ alg: 'ES256', kid: signer.kid, typ: MANIFEST_JWS_TYPE })
        .sign(signer.key)
      await ctx.audit.record({
        ...base,
        grantId: grant.id,
        items,
        outcome: 'allowed',
        details: {
          subscription: sub.id,
          snapshot: snapshotId,
          records: ndjson.length,
          subjects: subjects.size,
          position,
        },
      })
      await trx('subscription_files').insert({
        id: snapshotId,
        subscription_id: sub.id,
        position,
        records: ndjson.length,
        ndjson: ndjsonBytes,
        csv: csvBytes,
        manifest: json,
        signature,
      })
      return { made: { id: snapshotId, manifest, signature } }
    })
    if ('refused' in made) {
      throw await ctx.audit.refused(
        new NotAllowedError(made.refused!, `No file can be made: ${made.refused}.`),
        { ...base, grantId: String(sub.grant_id) },
      )
    }
    return made.made!
  }

  async list(ctx: RequestContext, id: string): Promise<SubscriptionFile[]> {
    await this.own(ctx.principal, id)
    const rows = (await this.deps
      .db('subscription_files')
      .where({ subscription_id: id })
      .orderBy('created_at', 'desc')
      .select('id', 'manifest', 'signature')) as SubscriptionFile[]
    return rows.map((r) => ({ id: r.id, manifest: r.manifest, signature: r.signature }))
  }

  /** The bytes of one file; downloading is an access to the data, audited like a delivery. */
  async download(ctx: RequestContext, id: string, fileId: string, format: 'ndjson' | 'csv'): Promise<Buffer> {
    const sub = await this.own(ctx.principal, id)
    const row = /^[0-9a-f-]{36}$/.test(fileId)
      ? ((await this.deps
          .db('subscription_files')
          .where({ id: fileId, subscription_id: id })
          .first(format, 'records')) as Record<string, Buffer | number> | undefined)
      : undefined
    if (!row) throw new NotFoundError('file-not-found', `No file ${fileId} of subscription ${id}.`)
    const grant = await findGrant(this.deps.db, String(sub.grant_id))
    const usable = grant && grant.status === 'active' && grant.valid_until.getTime() > Date.now()
    const base = {
      action: 'exchange.subscription.download',
      resourceType: 'resource',
      resourceId: sub.resource_code,
    }
    if (!usable) {
      throw await ctx.audit.refused(
        new NotAllowedError('grant-not-usable', 'The grant behind this file is revoked or expired.'),
        { ...base, grantId: String(sub.grant_id) },
      )
    }
    await ctx.audit.record({
      ...base,
      grantId: String(sub.grant_id),
      outcome: 'allowed',
      details: { subscription: id, snapshot: fileId, format, records: row.records },
    })
    return row[format] as Buffer
  }

  private async own(principal: Principal, id: string): Promise<SubscriptionRow> {
    const sub = /^[0-9a-f-]{36}$/.test(id) ? await findSubscription(this.deps.db, id) : undefined
    if (!sub || sub.consumer_department !== principal.department || sub.target !== 'file')
      throw new NotFoundError('subscription-not-found', `No file subscription ${id}.`)
    return sub
  }

  private signer() {
    this.key ??= (async () => {
      if (!this.deps.signingKey)
        throw new UnavailableError(
          'manifest-signing-unconfigured',
          'AUDIT_SIGNING_KEY is not set: manifests cannot be signed',
        )
      const jwk = JSON.parse(this.deps.signingKey) as JWK
      const { d: _d, ...pub } = jwk
      return { key: await importJWK(jwk, 'ES256'), kid: await calculateJwkThumbprint(pub) }
    })()
    return this.key
  }
}
