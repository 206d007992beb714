import { CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'

/**
 * Signs webhook bodies with the hub's ES256 key as a detached compact JWS (RFC 7515 appendix F):
 * the `x-hub-signature` header carries `<protected>..<signature>` and the receiver puts the
 * base64url of the raw body back in the middle before verifying against `GET /v1/cases/webhook-keys`.
 * The key comes from `CASE_WEBHOOK_SIGNING_KEY` (a private P-256 JWK); without it each process makes
 * an ephemeral one, which is fine for one process but not for a cluster (receivers would see
 * several kids come and go).
 */
type SigningKey = Awaited<ReturnType<typeof importJWK>>

export interface PublicWebhookKey {
  kty: string
  crv: string
  x: string
  y: string
  kid: string
  alg: string
  use: string
}

export class WebhookSigner {
  private constructor(
    private readonly privateKey: SigningKey,
    readonly publicKey: PublicWebhookKey,
  ) {}

  static async fromEnv(env: Record<string, string | undefined>): Promise<WebhookSigner> {
    const configured = env.CASE_WEBHOOK_SIGNING_KEY?.trim()
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
      const { d: _d, ...pub } = jwk
      return WebhookSigner.from(await importJWK(jwk, 'ES256'), pub)
    }
    const pair = await generateKeyPair('ES256', { extractable: true })
    return WebhookSigner.from(pair.privateKey, await exportJWK(pair.publicKey))
  }

  private static async from(privateKey: SigningKey, pub: JWK): Promise<WebhookSigner> {
    const kid = await calculateJwkThumbprint(pub)
    return new WebhookSigner(privateKey, {
      kty: 'EC',
      crv: 'P-256',
      x: pub.x!,
      y: pub.y!,
      kid,
      alg: 'ES256',
      use: 'sig',
    })
  }

  jwks(): { keys: PublicWebhookKey[] } {
    return { keys: [this.publicKey] }
  }

  /** Detached JWS over the exact body bytes. */
  async sign(body: string): Promise<string> {
    const jws = await new CompactSign(new TextEncoder().encode(body))
      .setProtectedHeader({ alg: 'ES256', kid: this.publicKey.kid, typ: 'hub-case-event+jws' })
      .sign(this.privateKey)
    const [header, , signature] = jws.split('.')
    return `${header}..${signature}`
  }
}
