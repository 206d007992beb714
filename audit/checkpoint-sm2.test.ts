import { describe, expect, it } from 'vitest'
import { decodeCompact, verifySm2Compact } from '../platform/crypto/sm2-jws.ts'
import { sm2PublicKeyFromJwk } from '../platform/crypto/sm2-keys.ts'
import { useTestApp } from '../test/support/test-app.ts'
import { generateSm2PrivateJwk } from './checkpoint-signer.ts'

// The hub configured with an SM2 audit signing key (ADR 0007).
const hub = useTestApp({ env: { AUDIT_SIGNING_KEY: generateSm2PrivateJwk() } })

async function call(method: 'GET' | 'POST', url: string) {
  const token = await hub.token({ roles: ['auditor'] })
  return hub.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } })
}

describe('checkpoints signed with an SM2 audit key', () => {
  it('publishes the SM2 key, signs SM2-SM3 checkpoints verifiable with it, and verification passes', async () => {
    await hub.app.audit.writer.record({
      principal: 'clerk-1',
      department: 'lf-hall',
      roles: ['clerk'],
      action: 'exchange.fetch',
      resourceType: 'resource',
      resourceId: 'HRSS-001',
      purpose: 'case handling',
      caseNumber: 'C-1',
      outcome: 'allowed',
    })
    const keys = (await hub.app.inject({ method: 'GET', url: '/v1/audit/checkpoint-keys' })).json().keys
    expect(keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'SM2', alg: 'SM2-SM3', use: 'sig' })])
    expect(keys[0]).not.toHaveProperty('d')

    const res = await call('POST', '/v1/audit/checkpoints')
    expect(res.statusCode).toBe(201)
    const checkpoint = res.json()
    const parts = decodeCompact(checkpoint.jws)!
    expect(parts.header).toMatchObject({ alg: 'SM2-SM3', kid: checkpoint.keyId })
    expect(verifySm2Compact(parts, sm2PublicKeyFromJwk(keys[0]))).toBe(true)
    expect(JSON.parse(parts.payload.toString())).toMatchObject({
      lastId: checkpoint.lastId,
      lastHash: checkpoint.lastHash,
    })

    const verify = await call('GET', '/v1/audit/verify')
    expect(verify.statusCode).toBe(200)
    expect(verify.json()).toMatchObject({ ok: true })
    expect(JSON.stringify(verify.json().checkpoints)).not.toMatch(/bad-signature|unknown-key/)
  })
})
