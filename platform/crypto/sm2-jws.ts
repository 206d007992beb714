import { type Sm2Key, type Sm2PublicKey, sm2Verify } from './sm2.ts'

/**
 * The JWS-like compact form for SM2 (ADR 0007): exactly RFC 7515's compact serialization with
 * `alg: "SM2-SM3"` — BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(signature), where the
 * signature is SM2 with SM3 and the default distinguishing id over the ASCII signing input (the
 * first two parts with their dot), encoded as r ‖ s, 32 bytes each (like ES256's R ‖ S).
 * No JOSE registry entry exists for SM2, so generic JOSE libraries refuse these documents; OpenSSL
 * checks them (`openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678`).
 */
export const SM2_JWS_ALG = 'SM2-SM3'

export interface CompactParts {
  header: Record<string, unknown>
  payload: Buffer
  signingInput: string
  signature: Buffer
}

export function signSm2Compact(key: Sm2Key, header: Record<string, unknown>, payload: Uint8Array): string {
  const encodedHeader = Buffer.from(JSON.stringify({ ...header, alg: SM2_JWS_ALG })).toString('base64url')
  const signingInput = `${encodedHeader}.${Buffer.from(payload).toString('base64url')}`
  return `${signingInput}.${key.sign(Buffer.from(signingInput, 'ascii')).toString('base64url')}`
}

/** The parts of a compact JWS, or null when it is not one (three base64url parts, a JSON header). */
export function decodeCompact(jws: string): CompactParts | null {
  const parts = jws.split('.')
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return null
  const [h, p, s] = parts as [string, string, string]
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as unknown
    if (!header || typeof header !== 'object' || Array.isArray(header)) return null
    return {
      header: header as Record<string, unknown>,
      payload: Buffer.from(p, 'base64url'),
      signingInput: `${h}.${p}`,
      signature: Buffer.from(s, 'base64url'),
    }
  } catch {
    return null
  }
}

/** Whether `parts` carry a valid SM2-SM3 signature under `publicKey`. */
export function verifySm2Compact(parts: CompactParts, publicKey: Sm2PublicKey): boolean {
  return (
    parts.header.alg === SM2_JWS_ALG &&
    sm2Verify(publicKey, Buffer.from(parts.signingInput, 'ascii'), parts.signature)
  )
}
