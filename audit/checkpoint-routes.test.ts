import { compactVerify, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose'
import type { Knex } from 'knex'
import { describe, expect, it } from 'vitest'
import { detachedContext } from '../policies/request-context.ts'
import type { Principal } from '../schemas/generated/types.ts'
import { useTestApp } from '../test/support/test-app.ts'
import { verifyChain } from './audit-verify.ts'
import { CheckpointSigner } from './checkpoint-signer.ts'
import { writerRecorder } from './request-context-plugin.ts'

const hub = useTestApp()

async function call(method: 'GET' | 'POST', url: string, roles: ('auditor' | 'clerk')[], subject?: string) {
  const token = await hub.token({ roles, subject })
  return hub.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } })
}

async function writeRecords(n: number, purpose = 'case handling'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await hub.app.audit.writer.record({
      principal: 'clerk-1',
      department: 'lf-hall',
      roles: ['clerk'],
      action: 'exchange.fetch',
      resourceType: 'resource',
      resourceId: 'HRSS-001',
      purpose,
      caseNumber: `C-${i}`,
      outcome: 'allowed',
    })
  }
}

const countCheckpoints = async () =>
  Number((await hub.database.db('audit_checkpoints').count({ n: '*' }))[0]!.n)

/** Rewrites like an owner who knows the scheme: edit a record, then recompute every hash after it. */
async function rewriteFrom(db: Knex, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('set local session_replication_role = replica')
    await trx.raw(`update audit_records set purpose = 'rewritten' where id = ?`, [id])
    await trx.raw(
      `do $$
       declare r record; prev text := (select hash from audit_records where id = ${id - 1});
       begin
         for r in select id from audit_records where id >= ${id} order by id loop
           update audit_records set prev_hash = prev where id = r.id;
           update audit_records a set hash = audit_record_hash(a) where id = r.id returning hash into prev;
         end loop;
         update audit_chain_head set last_hash = prev;
       end $$`,
    )
  })
}

/** Deleting as an owner could (the trigger off), so a test can leave the trail as it found it. */
async function removeCheckpoint(db: Knex, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('set local session_replication_role = replica')
    await trx('audit_checkpoints').where('id', id).delete()
  })
}

describe('signed checkpoints', () => {
  it('publishes the verification key without authentication', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/audit/checkpoint-keys' })
    expect(res.statusCode).toBe(200)
    const [key] = res.json().keys
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) })
    expect(key).not.toHaveProperty('d')
  })

  it('signs the head on demand, verifiable by anyone with the published key', async () => {
    await writeRecords(3)
    const res = await call('POST', '/v1/audit/checkpoints', ['auditor'])
    expect(res.statusCode).toBe(201)
    const checkpoint = res.json()
    // The head as it was when signed: the auditor's own request is recorded just after.
    const signed = await hub.database.db('audit_records').where('id', checkpoint.lastId).first()
    expect(checkpoint).toMatchObject({ lastId: 3, lastHash: signed.hash, reason: 'on-demand' })

    const jwks = (await hub.app.inject({ method: 'GET', url: '/v1/audit/checkpoint-keys' })).json()
    const { payload, protectedHeader } = await compactVerify(checkpoint.jws, createLocalJWKSet(jwks))
    expect(protectedHeader.kid).toBe(checkpoint.keyId)
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({
      count: checkpoint.count,
      lastHash: checkpoint.lastHash,
      lastId: checkpoint.lastId,
      signedAt: checkpoint.signedAt,
    })
    const list = await call('GET', '/v1/audit/checkpoints?limit=1', ['auditor'])
    expect(list.json().items[0].id).toBe(checkpoint.id)
  })

  it('refuses a non-auditor and records the refusal, signing nothing', async () => {
    const before = await countCheckpoints()
    const res = await call('POST', '/v1/audit/checkpoints', ['clerk'], 'curious-clerk')
    expect(res.statusCode).toBe(403)
    expect(await countCheckpoints()).toBe(before)
    const denied = await hub.database
      .db('audit_records')
      .where({ principal: 'curious-clerk', action: 'audit.checkpoint' })
    expect(denied).toEqual([expect.objectContaining({ outcome: 'denied', reason: 'role-required' })])
  })

  it('the scheduled job signs only when the chain has grown', async () => {
    const first = await hub.app.services.audit.checkpoints.scheduled()
    const again = await hub.app.services.audit.checkpoints.scheduled()
    expect(again?.id).toBe(first?.id)
    await writeRecords(1)
    const grown = await hub.app.services.audit.checkpoints.scheduled()
    expect(grown?.id).toBeGreaterThan(first!.id)
    expect(grown?.reason).toBe('scheduled')
  })

  it('verify checks every checkpoint and passes an intact trail', async () => {
    const res = await call('GET', '/v1/audit/verify', ['auditor'])
    expect(res.json()).toMatchObject({ ok: true, checkpoints: { checked: await countCheckpoints() } })
    expect(res.json().checkpoints.firstBroken).toBeUndefined()
  })

  it('names a forged checkpoint: unknown key, or a payload altered after signing', async () => {
    const db = hub.database.db
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const stranger = await CheckpointSigner.fromJwk(JSON.stringify(await exportJWK(privateKey)))
    const head = await db('audit_chain_head').first()
    const claims = { lastId: Number(head.last_id), lastHash: head.last_hash, count: Number(head.last_id) }
    const signedAt = new Date()
    const forged = { ...claims, signedAt: signedAt.toISOString() }
    const [row] = await db('audit_checkpoints')
      .insert({
        last_id: claims.lastId,
        last_hash: claims.lastHash,
        record_count: claims.count,
        signed_at: signedAt,
        key_id: stranger.keyId,
        reason: 'on-demand',
        jws: await stranger.sign(forged),
      })
      .returning('id')
    const res = await call('GET', '/v1/audit/verify', ['auditor'])
    expect(res.json()).toMatchObject({
      ok: false,
      checkpoints: { firstBroken: { checkpointId: Number(row.id), problem: 'unknown-key' } },
    })
    await removeCheckpoint(db, Number(row.id))

    const auditor: Principal = { subject: 'auditor-1', department: null, roles: ['auditor'], district: null }
    const genuine = await hub.app.services.audit.checkpoints.create(
      detachedContext(auditor, {
        audit: writerRecorder(hub.app.audit.writer, auditor),
        requestId: 'test-request-1',
      }),
    )
    const [header, , signature] = genuine.jws.split('.')
    const payload = Buffer.from(JSON.stringify({ ...forged, lastId: 1 })).toString('base64url')
    const [altered] = await db('audit_checkpoints')
      .insert({
        last_id: genuine.lastId,
        last_hash: genuine.lastHash,
        record_count: genuine.count,
        signed_at: genuine.signedAt,
        key_id: genuine.keyId,
        reason: 'on-demand',
        jws: `${header}.${payload}.${signature}`,
      })
      .returning('id')
    const again = await call('GET', '/v1/audit/verify', ['auditor'])
    expect(again.json().checkpoints.firstBroken).toEqual({
      checkpointId: Number(altered.id),
      lastId: genuine.lastId,
      problem: 'bad-signature',
    })
    await removeCheckpoint(db, Number(altered.id))
  })

  it('detects an owner who rewrote a record and recomputed every hash after it', async () => {
    const db = hub.database.db
    await writeRecords(3)
    await hub.app.services.audit.checkpoints.scheduled()
    await rewriteFrom(db, 2)
    // The chain alone no longer shows anything…
    expect((await verifyChain(db)).ok).toBe(true)
    // …but it no longer has the hashes that were signed.
    const res = await call('GET', '/v1/audit/verify', ['auditor'])
    expect(res.json()).toMatchObject({ ok: false, checkpoints: { firstBroken: { problem: 'hash-differs' } } })
  })
})
