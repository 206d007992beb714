import { type Sm2PublicKey, sm2PublicKeyOf } from './sm2.ts'

/**
 * Encodings of SM2 keys. JWK: `{"kty":"EC","crv":"SM2","x","y"}` with base64url 32-byte
 * coordinates, as for P-256 (no JOSE registry entry exists for SM2; the name is the one OpenSSL and
 * several JOSE libraries use, and ADR 0007 documents it). PEM: SubjectPublicKeyInfo with
 * id-ecPublicKey and the SM2 curve OID 1.2.156.10197.1.301 — what `openssl pkey -pubin` reads.
 */

export const SM2_CRV = 'SM2'

export interface Sm2PublicJwk {
  kty: 'EC'
  crv: typeof SM2_CRV
  x: string
  y: string
}

// SEQUENCE { SEQUENCE { id-ecPublicKey, sm2 }, BIT STRING (uncompressed point) }
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex')

export function sm2PublicJwk(key: Sm2PublicKey): Sm2PublicJwk {
  return { kty: 'EC', crv: SM2_CRV, x: key.x.toString('base64url'), y: key.y.toString('base64url') }
}

export function isSm2Jwk(jwk: { kty?: unknown; crv?: unknown }): boolean {
  return jwk.kty === 'EC' && jwk.crv === SM2_CRV
}

export function sm2PublicKeyFromJwk(jwk: {
  kty?: unknown
  crv?: unknown
  x?: unknown
  y?: unknown
}): Sm2PublicKey {
  if (!isSm2Jwk(jwk) || typeof jwk.x !== 'string' || typeof jwk.y !== 'string')
    throw new Error('not an SM2 JWK (kty EC, crv SM2, x, y)')
  const x = Buffer.from(jwk.x, 'base64url')
  const y = Buffer.from(jwk.y, 'base64url')
  if (x.length !== 32 || y.length !== 32) throw new Error('SM2 JWK: x and y must be 32 bytes each')
  return { x, y }
}

/** The private scalar of an SM2 JWK (`d`), checked against its `x`/`y`. */
export function sm2PrivateFromJwk(jwk: {
  kty?: unknown
  crv?: unknown
  x?: unknown
  y?: unknown
  d?: unknown
}): {
  d: Buffer
  publicKey: Sm2PublicKey
} {
  const declared = sm2PublicKeyFromJwk(jwk)
  if (typeof jwk.d !== 'string') throw new Error('SM2 JWK: no private part d')
  const d = Buffer.from(jwk.d, 'base64url')
  if (d.length !== 32) throw new Error('SM2 JWK: d must be 32 bytes')
  const derived = sm2PublicKeyOf(d)
  if (!derived.x.equals(declared.x) || !derived.y.equals(declared.y))
    throw new Error('SM2 JWK: x and y do not belong to d')
  return { d, publicKey: derived }
}

export function sm2PublicKeyPem(key: Sm2PublicKey): string {
  const der = Buffer.concat([SPKI_PREFIX, Buffer.from([4]), key.x, key.y])
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`
}

export function sm2PublicKeyFromPem(pem: string): Sm2PublicKey {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64')
  if (der.length !== SPKI_PREFIX.length + 65 || !der.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX))
    throw new Error('not an SM2 SubjectPublicKeyInfo')
  const point = der.subarray(SPKI_PREFIX.length)
  if (point[0] !== 4) throw new Error('SM2 public key: expected an uncompressed point')
  return { x: point.subarray(1, 33), y: point.subarray(33, 65) }
}
