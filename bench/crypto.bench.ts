/**
 * National cryptography (ADR 0007) against ES256/SHA-256/AES at the service layer:
 * (a) certificate document signing (`CertificateSigner.sign`) and full verification
 *     (`CertificateDocuments.verify`: signature, key, current status) per algorithm, one caller;
 * (b) the window clerk's fetch (as in certificates.bench.ts, 50 callers) with the issuers signing
 *     ES256, SM2 with nonces from a worker's pool (as the hub runs), and SM2 with nonces computed inline
 *     (as before the pool), three rounds — aim: SM2 ≥ 0.8 × ES256 (ratios of the summed rates, and the
 *     median of the per-round ratios);
 * (c) audit chain verification in PostgreSQL (`verifyChain`) over 50,000 SHA-256 and 50,000 SM3 records;
 * (d) the primitives underneath: SM3 vs SHA-256 over an audit-record-sized input, SM4-CBC+HMAC-SM3
 *     vs AES-256-GCM key sealing.
 * Uses its own database `hub_bench_crypto`, created, migrated and dropped.
 */
import { createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Knex } from 'knex'
import { readChainHead } from '../audit/audit-store.ts'
import { verifyChain } from '../audit/audit-verify.ts'
import { AuditWriter } from '../audit/audit-writer.ts'
import { demoPeople, TEST_KEK } from '../exchange/certificates/certificate-test-support.ts'
import { KeySealer } from '../exchange/certificates/key-sealer.ts'
import { Sm2NoncePool } from '../platform/crypto/sm2-nonce-pool.ts'
import type { BenchModule } from './run.ts'
import { withBenchDatabase } from './support/bench-database.ts'
import {
  BENCH_AUDIT_KEY,
  clerkFetcher,
  clerkWorld,
  closedLoop as closedLoopFor,
  seedClerkCases,
} from './support/clerk-fetch-world.ts'

const SECONDS = 6
const round = (n: number) => Math.round(n * 100) / 100
const closedLoop = (callers: number, fn: (n: number) => Promise<unknown> | unknown) =>
  closedLoopFor(callers, SECONDS, fn)

async function run(db: Knex, report: (r: Record<string, unknown>) => void): Promise<void> {
  await seedClerkCases(db)
  const people = demoPeople()
  const payload = {
    iss: 'urn:hub:departments:lf-hfund',
    iat: 1764806400,
    certificate: { id: 'x'.repeat(40), faceData: { a: 'y'.repeat(300) } },
  }

  // A/B/C rounds: on a shared machine the load drifts; alternating keeps the comparison fair.
  const arms = ['ES256', 'SM2-SM3', 'SM2-SM3-inline'] as const
  const clerkRates: Record<(typeof arms)[number], number[]> = {
    ES256: [],
    'SM2-SM3': [],
    'SM2-SM3-inline': [],
  }
  for (const arm of [...arms, ...arms, ...arms]) {
    const alg = arm === 'ES256' ? 'ES256' : 'SM2-SM3'
    const pool = arm === 'SM2-SM3' ? new Sm2NoncePool() : undefined
    const { signer, documents, clerk } = clerkWorld(db, alg, pool)
    await signer.sign('lf-hfund', payload)
    report({ measure: 'sign', alg: arm, ...(await closedLoop(1, () => signer.sign('lf-hfund', payload))) })

    const writer = new AuditWriter({ db, subjectKey: BENCH_AUDIT_KEY })
    const signed: string[] = []
    const fetch = clerkFetcher(clerk, writer, signed)
    for (let i = 0; i < 20; i++) await fetch(i)
    const inlineBefore = pool?.inline ?? 0
    const fetched = await closedLoop(50, fetch)
    clerkRates[arm].push(fetched.perSecond)
    // `inline`: SM2 nonces the pool could not supply in time (computed on the request thread).
    report({
      measure: 'clerk-fetch',
      alg: arm,
      ...fetched,
      inline: pool ? pool.inline - inlineBefore : undefined,
    })
    await pool?.close()
    await writer.close()

    report({
      measure: 'verify',
      alg: arm,
      ...(await closedLoop(1, async (n) => {
        const result = await documents.verify(signed[n % signed.length]!)
        if (!result.valid) throw new Error(`bench verify: ${result.reason}`)
      })),
    })
  }
  const sum = (rates: number[]) => rates.reduce((a, b) => a + b, 0)
  const ratios = (arm: (typeof arms)[number]) =>
    clerkRates[arm].map((rate, i) => rate / clerkRates.ES256[i]!).sort((a, b) => a - b)
  for (const arm of ['SM2-SM3', 'SM2-SM3-inline'] as const)
    report({
      measure: 'clerk-fetch-ratio',
      alg: arm,
      overEs256: round(sum(clerkRates[arm]) / sum(clerkRates.ES256)),
      medianRoundRatio: round(ratios(arm)[1]!),
      aim: 0.8,
    })

  // The same verify as `GET /v1/audit/verify` (hashes recomputed in PostgreSQL) over 50,000 records of each hash.
  for (const hashAlgorithm of ['sha256', 'sm3'] as const) {
    const writer = new AuditWriter({ db, subjectKey: BENCH_AUDIT_KEY, hashAlgorithm })
    const head = await readChainHead(db)
    for (let i = 0; i < 50; i++)
      await Promise.all(
        Array.from({ length: 1_000 }, (_, j) =>
          writer.record({
            principal: `clerk-${j}`,
            department: 'lf-hall',
            roles: ['clerk'],
            action: 'exchange.fetch',
            resourceType: 'resource',
            resourceId: 'HRSS-001',
            subjectId: people[j % 5]!.residentId,
            items: ['name', 'idNumber'],
            purpose: 'case handling',
            caseNumber: `B-${j}`,
            outcome: 'allowed',
          }),
        ),
      )
    await writer.close()
    const fromId = head.lastId + 1
    const toId = head.lastId + 50_000
    const started = performance.now()
    const result = await verifyChain(db, { fromId, toId })
    const seconds = (performance.now() - started) / 1000
    if (!result.ok) throw new Error('bench audit verify: chain broken')
    report({
      measure: 'audit-verify-in-postgres',
      hash: hashAlgorithm,
      records: result.checked,
      perSecond: Math.round(result.checked / seconds),
    })
  }

  const record = Buffer.from(
    JSON.stringify({ id: 1, prev: 'a'.repeat(64), action: 'exchange.fetch', items: 'z'.repeat(400) }),
  )
  for (const hash of ['sha256', 'sm3'])
    report({
      measure: 'audit-record-hash',
      hash,
      ...(await closedLoop(1, () => createHash(hash).update(record).digest('hex'))),
    })
  for (const algorithm of ['aes-256-gcm', 'sm4'] as const) {
    const sealer = KeySealer.fromSecret(TEST_KEK, algorithm)
    const jwk = JSON.stringify({
      kty: 'EC',
      crv: 'SM2',
      x: 'x'.repeat(43),
      y: 'y'.repeat(43),
      d: 'd'.repeat(43),
    })
    report({
      measure: 'key-seal-open',
      algorithm,
      ...(await closedLoop(1, () => sealer.open(sealer.seal(jwk, 'kid'), 'kid'))),
    })
  }
}

const bench: BenchModule = {
  name: 'crypto',
  run: (report) => withBenchDatabase('hub_bench_crypto', { poolMax: 10 }, (db) => run(db, report)),
}
export default bench
