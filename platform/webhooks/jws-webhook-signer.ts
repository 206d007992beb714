import { CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import type { JwsSigningConfig } from '../config/config.ts'
import { generateSm2KeyPair, Sm2Key } from '../crypto/sm2.ts'
import { SM2_JWS_ALG, signSm2Compact } from '../crypto/sm2-jws.ts'
import { sm2PrivateFromJwk, sm2PublicJwk } from '../crypto/sm2-keys.ts'
import type { WebhookSigner } from './webhook-signer.ts'

type JoseKey = Awaited<ReturnType<typeof importJWK>>
type JsonObject = Record<string, unknown>

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

/**
 * Signs webhook bodies as a detached compact JWS (RFC 7515 appendix F): the `x-hub-signature`
 * header carries `<protected>..<signature>` and the receiver puts the base64url of the raw body
 * back in the middle before verifying against the published key set (`jwks()`).
 *
 * The configured algorithms (ES256, SM2, or both side by side, ADR 0007) say which keys sign: the
 * first one's signature goes in `x-hub-signature`, a second one's in `x-hub-signature-2`, so
 * receivers move over at their own pace. Without configured keys each process makes ephemeral ones,
 * which is fine for one process but not for a cluster (receivers would see several kids come and go).
 */
export class JwsWebhookSigner implements WebhookSigner {
  private constructor(
    private readonly keys: readonly WebhookKey[],
    /** The `typ` of the protected header, e.g. `hub-case-event+jws`. */
    private readonly type: string,
  ) {}

  /** The key that signs `x-hub-signature`. */
  get publicKey(): PublicWebhookKey {
    return this.keys[0]!.publicKey
  }

  static async create(config: JwsSigningConfig, type: string): Promise<JwsWebhookSigner> {
    const keys: WebhookKey[] = []
    for (const alg of config.algorithms)
      keys.push(alg === 'ES256' ? await es256Key(config.es256Key) : await sm2Key(config.sm2Key))
    return new JwsWebhookSigner(keys, type)
  }

  jwks(): { keys: PublicWebhookKey[] } {
    return { keys: this.keys.map((k) => k.publicKey) }
  }

  /** Detached JWS over the exact body bytes, with the first key. */
  async sign(body: string): Promise<string> {
    return detach(
      await this.keys[0]!.sign(new TextEncoder().encode(body), { kid: this.publicKey.kid, typ: this.type }),
    )
  }

  /** The signature headers of a delivery: `x-hub-signature`, and `x-hub-signature-2` when two keys sign. */
  async headers(body: string): Promise<Record<string, string>> {
    const bytes = new TextEncoder().encode(body)
    const out: Record<string, string> = {}
    for (const [i, key] of this.keys.entries())
      out[i === 0 ? 'x-hub-signature' : `x-hub-signature-${i + 1}`] = detach(
        await key.sign(bytes, { kid: key.publicKey.kid, typ: this.type }),
      )
    return out
  }
}

function detach(jws: string): string {
  const [header, , signature] = jws.split('.')
  return `${header}..${signature}`
}

async function es256Key(configured: JsonObject | null): Promise<WebhookKey> {
  let privateKey: JoseKey
  let pub: JWK
  if (configured) {
    const { d: _d, ...rest } = configured as JWK
    privateKey = await importJWK(configured as JWK, 'ES256')
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

async function sm2Key(configured: JsonObject | null): Promise<WebhookKey> {
  let key: Sm2Key
  if (configured) {
    const { d, publicKey } = sm2PrivateFromJwk(configured as JWK)
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
