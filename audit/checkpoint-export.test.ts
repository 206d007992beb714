import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { compactVerify, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../test/support/test-database.ts'
import { AuditWriter } from './audit-writer.ts'
import { CheckpointService } from './checkpoint-service.ts'
import { CheckpointSigner } from './checkpoint-signer.ts'
import { verifyTrail } from './checkpoint-verify.ts'

const database = useTestDatabase()
const KEY = Buffer.from('test-audit-subject-key-0123456789abcdef')
const state: { dir?: string; writer?: AuditWriter; signer?: CheckpointSigner } = {}

beforeAll(async () => {
  state.dir = await mkdtemp(path.join(tmpdir(), 'hub-audit-archive-'))
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  state.signer = await CheckpointSigner.fromJwk(JSON.stringify(await exportJWK(privateKey)))
  state.writer = new AuditWriter({ db: database.db, subjectKey: KEY })
})
afterAll(async () => {
  await state.writer?.close()
  if (state.dir) await rm(state.dir, { recursive: true, force: true })
})

const service = (archiveDir: string) =>
  new CheckpointService({
    db: database.db,
    signer: state.signer!,
    archiveDir,
  })

const access = (n: number) =>
  state.writer!.record({
    principal: `clerk-${n}`,
    department: 'lf-hall',
    roles: ['clerk'],
    action: 'exchange.fetch',
    resourceType: 'resource',
    caseNumber: `C-${n}`,
    outcome: 'allowed',
  })

/** What a system outside the hub does: check a JWS with nothing but the published key set. */
async function verifyWithPublishedKeys(checkpoints: CheckpointService, jws: string) {
  const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(checkpoints.keys()))
  return { claims: JSON.parse(new TextDecoder().decode(payload)), kid: protectedHeader.kid }
}

describe('checkpoints kept outside the database', () => {
  it('writes each new checkpoint as a JWS file and an audit.checkpoint outbox event, both verifiable', async () => {
    const checkpoints = service(state.dir!)
    await access(1)
    await access(2)
    const first = await checkpoints.scheduled()
    await access(3)
    const anchor = await checkpoints.anchor(
      3,
      (await database.db('audit_records').where({ id: 3 }).first()).hash,
    )

    const dir = path.join(state.dir!, 'checkpoints')
    expect(await readdir(dir)).toEqual([
      `checkpoint-${String(first!.id).padStart(12, '0')}.jws`,
      `checkpoint-${String(anchor.id).padStart(12, '0')}.jws`,
    ])
    const file = await readFile(path.join(dir, (await readdir(dir))[1]!), 'utf8')
    expect(file).toBe(anchor.jws)
    expect(await verifyWithPublishedKeys(checkpoints, file)).toEqual({
      claims: { lastId: 3, lastHash: anchor.lastHash, count: 3, signedAt: anchor.signedAt.toISOString() },
      kid: anchor.keyId,
    })

    const events = await database.db('outbox').where({ type: 'audit.checkpoint' }).orderBy('id')
    expect(events.map((e) => [e.topic, e.key, e.payload.id, e.payload.reason])).toEqual([
      ['audit-events', 'audit-checkpoints', first!.id, 'scheduled'],
      ['audit-events', 'audit-checkpoints', anchor.id, 'retention'],
    ])
    expect((await verifyWithPublishedKeys(checkpoints, events[0].payload.jws)).claims).toMatchObject({
      lastId: 2,
      lastHash: first!.lastHash,
    })
  })

  it('stores no checkpoint and no event when its file cannot be written, so the job tries again', async () => {
    const blocked = path.join(state.dir!, 'not-a-directory')
    await writeFile(blocked, 'x')
    const count = async () => ({
      checkpoints: (await database.db('audit_checkpoints').count({ n: '*' }))[0]!.n,
      events: (await database.db('outbox').where({ type: 'audit.checkpoint' }).count({ n: '*' }))[0]!.n,
    })
    const before = await count()
    await access(4)
    await expect(service(blocked).scheduled()).rejects.toMatchObject({ code: 'ENOTDIR' })
    expect(await count()).toEqual(before)

    const retried = await service(state.dir!).scheduled()
    expect(retried).toMatchObject({ lastId: 4 })
    expect(await readdir(path.join(state.dir!, 'checkpoints'))).toHaveLength(3)
  })
})

describe('verification across a key rotation', () => {
  it('accepts checkpoints of a retired key that is still published, and names it unknown once dropped', async () => {
    const before = service(state.dir!)
    await access(5)
    await before.scheduled()
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const newKey = JSON.stringify(await exportJWK(privateKey))
    const rotated = await CheckpointSigner.fromJwk(newKey, state.signer!.jwks().keys)
    const after = new CheckpointService({
      db: database.db,
      signer: rotated,
      archiveDir: state.dir!,
    })
    await access(6)
    const latest = await after.scheduled()
    expect(latest!.keyId).toBe(rotated.keyId)

    const total = Number((await database.db('audit_checkpoints').count({ n: '*' }))[0]!.n)
    expect(await verifyTrail(database.db, rotated)).toMatchObject({
      ok: true,
      checkpoints: { checked: total },
    })
    const withoutRetired = await verifyTrail(database.db, await CheckpointSigner.fromJwk(newKey))
    expect(withoutRetired).toMatchObject({
      ok: false,
      checkpoints: { firstBroken: { problem: 'unknown-key' } },
    })
    // The exported files of both keys verify with the keys the hub publishes after the rotation.
    const dir = path.join(state.dir!, 'checkpoints')
    for (const name of await readdir(dir)) {
      await verifyWithPublishedKeys(after, await readFile(path.join(dir, name), 'utf8'))
    }
  })
})
