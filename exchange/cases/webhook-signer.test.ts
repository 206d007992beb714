import { base64url, compactVerify, createLocalJWKSet } from 'jose'
import { describe, expect, it } from 'vitest'
import { generateSm2PrivateJwk } from '../../audit/checkpoint-signer.ts'
import { loadConfig } from '../../platform/config/config.ts'
import { decodeCompact, verifySm2Compact } from '../../platform/crypto/sm2-jws.ts'
import { sm2PublicKeyFromJwk } from '../../platform/crypto/sm2-keys.ts'
import { JwsWebhookSigner } from '../../platform/webhooks/jws-webhook-signer.ts'

/** The case webhooks' signer as the case plugin builds it from the configuration. */
const signerFrom = (env: Record<string, string>) =>
  JwsWebhookSigner.create(loadConfig(env).cases.webhooks.signing, 'hub-case-event+jws')

const body = JSON.stringify({ caseNumber: 'SX-141000-2026-000001', change: 'process' })
const attach = (detached: string) => {
  const [h, s] = detached.split('..') as [string, string]
  return `${h}.${base64url.encode(body)}.${s}`
}

describe('webhook signatures with SM2', () => {
  it('signs SM2-SM3 with the configured SM2 key, verifiable with the published JWK', async () => {
    const jwk = generateSm2PrivateJwk()
    const signer = await signerFrom({
      CASE_WEBHOOK_SIGNING_ALGORITHMS: 'SM2',
      CASE_WEBHOOK_SM2_SIGNING_KEY: jwk,
    })
    const { keys } = signer.jwks()
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'SM2', alg: 'SM2-SM3', x: JSON.parse(jwk).x })
    const parts = decodeCompact(attach(await signer.sign(body)))!
    expect(parts.header).toMatchObject({ alg: 'SM2-SM3', kid: keys[0]!.kid, typ: 'hub-case-event+jws' })
    expect(verifySm2Compact(parts, sm2PublicKeyFromJwk(keys[0]!))).toBe(true)
    expect(
      verifySm2Compact({ ...parts, signingInput: `${parts.signingInput}x` }, sm2PublicKeyFromJwk(keys[0]!)),
    ).toBe(false)
  })

  it('signs side by side: ES256 in x-hub-signature, SM2 in x-hub-signature-2, both keys published', async () => {
    const signer = await signerFrom({ CASE_WEBHOOK_SIGNING_ALGORITHMS: 'ES256+SM2' })
    const headers = await signer.headers(body)
    const { keys } = signer.jwks()
    expect(keys.map((k) => k.alg)).toEqual(['ES256', 'SM2-SM3'])
    const es256 = keys[0]!
    await expect(
      compactVerify(attach(headers['x-hub-signature']!), createLocalJWKSet({ keys: [es256] })),
    ).resolves.toBeTruthy()
    const parts = decodeCompact(attach(headers['x-hub-signature-2']!))!
    expect(verifySm2Compact(parts, sm2PublicKeyFromJwk(keys[1]!))).toBe(true)
  })

  it('names the variable for a wrong algorithm list or key', async () => {
    expect(() => loadConfig({ CASE_WEBHOOK_SIGNING_ALGORITHMS: 'RS256' })).toThrow(
      /CASE_WEBHOOK_SIGNING_ALGORITHMS/,
    )
    expect(() =>
      loadConfig({ CASE_WEBHOOK_SIGNING_ALGORITHMS: 'SM2', CASE_WEBHOOK_SM2_SIGNING_KEY: '{"kty":"EC"}' }),
    ).toThrow(/CASE_WEBHOOK_SM2_SIGNING_KEY/)
    expect(() => loadConfig({ CASE_WEBHOOK_SIGNING_KEY: 'not json' })).toThrow(/CASE_WEBHOOK_SIGNING_KEY/)
  })
})
