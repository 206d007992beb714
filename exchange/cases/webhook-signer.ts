import { CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { generateSm2KeyPair, Sm2Key } from '../../platform/crypto/sm2.ts'
import { SM2_JWS_ALG, signSm2Compact } from '../../platform/crypto/sm2-jws.ts'
import { isSm2Jwk, sm2PrivateFromJwk, sm2PublicJwk } from '../../platform/crypto/sm2-keys.ts'

/**
 * Signs webhook bodies as a detached compact JWS (RFC 7515 appendix F): the `x-hub-signature`
 * header carries `<protected>..<signature>` and the receiver puts the base64url of the raw body
 * back in the middle before verifying against `GET /v1/cases/webhook-keys`.
 *
 * `CASE_WEBHOOK_SIGNING_ALGORITHMS` (default `ES256`; `SM2`, or `ES256+SM2` / `SM2+ES256` side by
 * side, ADR 0007) says which keys sign: the first one's signature goes in `x-hub-signature`, a
 * second one's in `x-hub-signature-2`, so receivers move over at their own pace. The keys come from
 * `CASE_WEBHOOK_SIGNING_KEY` (a private P-256 JWK) and `CASE_WEBHOOK_SM2_SIGNING_KEY` (a private
 * SM2 JWK); without them each process makes ephemeral ones, which is fine for one process but not
 * for a cluster (receivers would see several kids come and go).
 */
type JoseKey = Awaited<ReturnType<typeof importJWK>>

export interface PublicWebhookKey {
  kty: string
  crv: string
  x: string
  y: string
  kid: string
  alg: string
  use: string
}

type WebhookAlg = 'ES256' | typeof SM2_JWS_ALG

interface WebhookKey {
  publicKey: PublicWebhookKey
  sign: (payload: Uint8Array, header: { kid: string; typ: string }) => Promise<string>
}

const TYPE = 'hub-case-event+jws'

export class WebhookSigner {
  private constructor(private readonly keys: readonly WebhookKey[]) {}

  /** The key that signs `x-hub-signature`. */
  get publicKey(): PublicWebhookKey {
    return this.keys[0]!.publicKey
  }

  static async fromEnv(env: Record<string, string | undefined>): Promise<WebhookSigner> {
    const algs = (env.CASE_WEBHOOK_SIGNING_ALGORITHMS?.trim() || 'ES256').split('+').map((name) => {
      const alg = { ES256: 'ES256', SM2: SM2_JWS_ALG, [SM2_JWS_ALG]: SM2_JWS_ALG }[name.trim().toUpperCase()]
      if (!alg) throw new Error('CASE_WEBHOOK_SIGNING_ALGORITHMS: ES256, SM2, ES256+SM2 or SM2+ES256')
      return alg as WebhookAlg
    })
    if (algs.length > 2 || new Set(algs).size !== algs.length)
      throw new Error('CASE_WEBHOOK_SIGNING_ALGORITHMS: ES256, SM2, ES256+SM2 or SM2+ES256')
    const keys: WebhookKey[] = []
    for (const alg of algs)
      keys.push(
        alg === 'ES256'
          ? await es256Key(env.CASE_WEBHOOK_SIGNING_KEY?.trim())
          : await sm2Key(env.CASE_WEBHOOK_SM2_SIGNING_KEY?.trim()),
      )
    return new WebhookSigner(keys)
  }

  jwks(): { keys: PublicWebhookKey[] } {
    return { keys: this.keys.map((k) => k.publicKey) }
  }

  /** Detached JWS over the exact body bytes, with the first key. */
  async sign(body: string): Promise<string> {
    return detach(
      await this.keys[0]!.sign(new TextEncoder().encode(body), { kid: this.publicKey.kid, typ: TYPE }),
    )
  }

  /** The signature headers of a delivery: `x-hub-signature`, and `x-hub-signature-2` when two keys sign. */
  async headers(body: string): Promise<Record<string, string>> {
    const bytes = new TextEncoder().encode(body)
    const out: Record<string, string> = {}
    for (const [i, key] of this.keys.entries())
      out[i === 0 ? 'x-hub-signature' : `x-hub-signature-${i + 1}`] = detach(
        await key.sign(bytes, { kid: key.publicKey.kid, typ: TYPE }),
      )
    return out
  }
}

function detach(jws: string): string {
  const [header, , signature] = jws.split('.')
  return `${header}..${signature}`
}

async function es256Key(configured: string | undefined): Promise<WebhookKey> {
  let privateKey: JoseKey
  let pub: JWK
  if (configured) {
    let jwk: JWK
    try {
      jwk = JSON.parse(configured) as JWK
    } catch {
      throw new Error('CASE_WEBHOOK_SIGNING_KEY: must be a private P-256 JWK in JSON')
    }
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) {
      throw new Error('CASE_WEBHOOK_SIGNING_KEY: must be a private P-256 JWK (kty EC, crv P-256, with d)')
    }
    const { d: _d, ...rest } = jwk
    privateKey = await importJWK(jwk, 'ES256')
    pub = rest
  } else {
    const pair = await generateKeyPair('ES256', { extractable: true })
    privateKey = pair.privateKey
    pub = await exportJWK(pair.publicKey)
  }
  const publicKey = await described({ kty: 'EC', crv: 'P-256', x: pub.x!, y: pub.y! }, 'ES256')
  return {
    publicKey,
    sign: (payload, header) =>
      new CompactSign(payload).setProtectedHeader({ alg: 'ES256', ...header }).sign(privateKey),
  }
}

async function sm2Key(configured: string | undefined): Promise<WebhookKey> {
  let key: Sm2Key
  if (configured) {
    let jwk: JWK
    try {
      jwk = JSON.parse(configured) as JWK
    } catch {
      throw new Error('CASE_WEBHOOK_SM2_SIGNING_KEY: must be a private SM2 JWK in JSON')
    }
    if (!isSm2Jwk(jwk))
      throw new Error('CASE_WEBHOOK_SM2_SIGNING_KEY: must be a private SM2 JWK (kty EC, crv SM2, with d)')
    const { d, publicKey } = sm2PrivateFromJwk(jwk)
    key = new Sm2Key(d, publicKey)
  } else {
    key = new Sm2Key(generateSm2KeyPair().d)
  }
  const publicKey = await described(sm2PublicJwk(key.publicKey), SM2_JWS_ALG)
  return { publicKey, sign: async (payload, header) => signSm2Compact(key, header, payload) }
}

async function described(pub: { kty: string; crv: string; x: string; y: string }, alg: WebhookAlg) {
  return { ...pub, kid: await calculateJwkThumbprint(pub), alg, use: 'sig' }
}
