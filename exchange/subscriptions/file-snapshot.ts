import { createHash, randomUUID } from 'node:crypto'
import { CompactSign, calculateJwkThumbprint, importJWK, type JWK } from 'jose'
import type { Knex } from 'knex'
import { findGrant } from '../../directory/grants/grant-store.ts'
import { NotAllowedError, NotFoundError, UnavailableError } from '../../platform/errors/app-error.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type { Principal, SubscriptionFile } from '../../schemas/generated/types.ts'
import { type PublishedResource, publishedResource } from '../fetch/fetch-source-read-model.ts'
import type { KindFields } from '../fetch/record-source.ts'
import type { DisputedRecordKeys } from './delivery-target.ts'
import type { LiveSource } from './live-source.ts'
import { compileProjection } from './subscription-projection.ts'
import { deliveryScope, lockGrant } from './subscription-scope.ts'
import {
  type DeliveryLogRow,
  findSubscription,
  logDeliveries,
  type SubscriptionRow,
  updateSubscription,
} from './subscription-store.ts'

/**
 * File exchange (文件交换): a snapshot of what the grant lets out, as NDJSON and as CSV (UTF-8 with a
 * BOM, so Excel opens it as UTF-8), with a manifest — rows, bytes and SHA-256 per file, grant id, the
 * change-stream position it reflects — signed as a compact JWS (ES256) with the hub's audit signing
 * key (public keys at /v1/audit/checkpoint-keys). Made in one transaction that reads the grant
 * FOR SHARE, like a delivery batch, audited before it is stored, and logged per record under the
 * subject's audit HMAC like a batch (the recipient views).
 *
 * Of a live resource (`source: 'live'`) the snapshot is one whole read of the provider's pages,
 * through the same projection as its streams; deleted records are simply not listed. There is no
 * change stream to be "as of", so its records take the subscription's own next positions (one per
 * record, like a live stream's) and `asOfPosition` is the last of them; the manifest's
 * `readStartedAt` and `generatedAt` bound when the provider was read — a listing read page by page,
 * not one instant: a record changed during the read is as its page was read.
 */

export const MANIFEST_JWS_TYPE = 'hub-subscription-manifest+jws'

interface SnapshotRow {
  record_id: string
  subject_id: string
  data: Record<string, unknown>
  /** The change-stream position (hub-held); live records take theirs when the snapshot is made. */
  position: string
}

interface SnapshotRead {
  rows: SnapshotRow[]
  /** Hub-held: the highest change-stream position read. */
  position: string
  live: boolean
}

/** Moves a live subscription's own counter past `count` records; the new position (the last taken). */
async function takePositions(trx: Knex.Transaction, id: string, count: number): Promise<string> {
  const [row] = (await trx('subscriptions')
    .where({ id })
    .update({
      position: trx.raw('position + ?', [count]),
      delivered: trx.raw('delivered + ?', [count]),
      ...(count > 0 ? { last_delivered_at: trx.fn.now() } : {}),
      updated_at: trx.fn.now(),
    })
    .returning('position')) as { position: string }[]
  return String(row!.position)
}
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
      subjectHash: (subjectId: string) => string
      /** Reads live (not hub-held) resources; without it their file subscriptions stop. */
      live?: Pick<LiveSource, 'readAll'>
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
      const project = compileProjection(grant, items, source)
      const disputes = await this.deps.disputes(trx, sub.resource_code)
      const readStartedAt = new Date()
      const read = sub.source === 'live' ? await this.readLive(sub, resource) : await this.readHub(trx, sub)
      if (read === 'not-pageable') {
        await updateSubscription(trx, sub.id, { status: 'stopped', stop_reason: 'source-not-pageable' })
        return { refused: 'source-not-pageable' }
      }
      const ndjson: string[] = []
      // `objection_id` last: the record's unresolved data objection when the snapshot was made, if any.
      const csv: string[] = [['record_id', 'position', ...items, 'objection_id'].map(csvField).join(',')]
      const log: DeliveryLogRow[] = []
      const subjects = new Set<string>()
      const granted = read.rows.flatMap((row) => {
        const values = project(row)
        return values === null ? [] : [{ row, values }]
      })
      // A live source has no stream positions: its records take the subscription's own next ones.
      const position = read.live ? await takePositions(trx, sub.id, granted.length) : read.position
      const first = BigInt(position) - BigInt(granted.length) + 1n
      for (const [i, { row, values }] of granted.entries()) {
        const at = read.live ? String(first + BigInt(i)) : row.position
        subjects.add(row.subject_id)
        log.push({
          subscription_id: sub.id,
          position: at,
          subject_hash: this.deps.subjectHash(row.subject_id),
          record_id: row.record_id,
        })
        const objectionId = disputes.get(row.record_id)
        ndjson.push(
          JSON.stringify({
            recordId: row.record_id,
            position: at,
            items: values,
            ...(objectionId ? { disputed: true, objectionId } : {}),
          }),
        )
        csv.push([row.record_id, at, ...items.map((i) => values[i]), objectionId].map(csvField).join(','))
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
        source: sub.source,
        ...(read.live ? { readStartedAt: readStartedAt.toISOString() } : {}),
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
          source: sub.source,
        },
      })
      // Who received whose record, as for streamed batches (ADR 0008): the auditor's and the
      // citizen's recipient views count file snapshots too.
      await logDeliveries(trx, log)
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

  /** Every hub-held record of the kind, at its change-stream position; the snapshot is as of the highest. */
  private async readHub(trx: Knex.Transaction, sub: SubscriptionRow): Promise<SnapshotRead> {
    const rows = (await trx('hub_records')
      .where({ kind: sub.record_kind })
      .orderBy('record_id')
      .select('record_id', 'subject_id', 'data', 'change_seq')) as (SnapshotRow & { change_seq: string })[]
    let position = 0n
    for (const row of rows) {
      row.position = String(row.change_seq)
      if (BigInt(row.change_seq) > position) position = BigInt(row.change_seq)
    }
    return { rows, position: String(position), live: false }
  }

  /**
   * Every record the provider lists now, read page by page through its adapter (live-source.ts), in
   * the provider's order; nothing of it is kept but the files.
   */
  private async readLive(
    sub: SubscriptionRow,
    resource: PublishedResource,
  ): Promise<SnapshotRead | 'not-pageable'> {
    if (!this.deps.live || !resource.explicit) return 'not-pageable'
    const records = await this.deps.live.readAll(
      resource.explicit.adapter,
      sub.record_kind,
      `subscription:${sub.id}`,
    )
    if (records === 'not-pageable') return records
    return {
      rows: records.map((r) => ({
        record_id: r.recordId,
        subject_id: String(r.data.subjectId ?? ''),
        data: r.data,
        position: '',
      })),
      position: '',
      live: true,
    }
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
