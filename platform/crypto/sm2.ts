import { createECDH, createHash, randomBytes } from 'node:crypto'
import { weierstrassN } from '@noble/curves/abstract/weierstrass.js'

/**
 * SM2 digital signatures (GB/T 32918.2-2016, GM/T 0003.2) with SM3 (GB/T 32905) as the hash and
 * the user identity bound through the `Z` value (GM/T 0009: default id `1234567812345678`).
 *
 * Why not `crypto.sign('sm3', data, key)`: Node treats an EC key on the SM2 curve as an ECDSA key
 * and produces ECDSA over that curve, which no SM2 verifier accepts. So the scheme is spelled out
 * here, on well-tested pieces: SM3 is Node's native digest; the nonce point `kG` comes from OpenSSL
 * (an ECDH key pair on the `SM2` curve: `k` uniform in [1, n-1] from its CSPRNG, native constant-time
 * multiplication); `sG + tP` for verification and the on-curve check of public keys are
 * @noble/curves (audited). @noble's own `kG` is faster alone but allocates thousands of BigInts per
 * signature: under load (the clerk-fetch benchmark) its GC pauses cost more than it saves.
 * The tests hold it to the standard's worked example and to OpenSSL's `pkeyutl` in both directions.
 */

export const SM2_DEFAULT_ID = '1234567812345678'

/** Curve parameters, big-endian; `SM2_CURVE` is the recommended curve of GB/T 32918.5. */
export interface Sm2Curve {
  p: bigint
  a: bigint
  b: bigint
  n: bigint
  Gx: bigint
  Gy: bigint
}

export const SM2_CURVE: Sm2Curve = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
}

type Point = ReturnType<typeof pointsOf>['BASE']

function pointsOf(curve: Sm2Curve) {
  return weierstrassN({ ...curve, h: 1n })
}

const pointClasses = new Map<Sm2Curve, ReturnType<typeof pointsOf>>()
function points(curve: Sm2Curve) {
  let cls = pointClasses.get(curve)
  if (!cls) {
    cls = pointsOf(curve)
    pointClasses.set(curve, cls)
  }
  return cls
}

export function bytesToBigint(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`)
}

export function bigintToBytes(value: bigint, length = 32): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex')
}

function mod(a: bigint, n: bigint): bigint {
  const r = a % n
  return r < 0n ? r + n : r
}

/** Modular inverse by the extended Euclidean algorithm; `n` is prime and `a` not 0 mod n. */
function invert(a: bigint, n: bigint): bigint {
  let [oldR, r] = [mod(a, n), n]
  let [oldS, s] = [1n, 0n]
  while (r !== 0n) {
    const q = oldR / r
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  if (oldR !== 1n) throw new Error('sm2: value has no inverse')
  return mod(oldS, n)
}

export function sm3(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sm3')
  for (const part of parts) hash.update(part)
  return hash.digest()
}

/** An SM2 public key: the affine point, as 32-byte big-endian coordinates. */
export interface Sm2PublicKey {
  x: Buffer
  y: Buffer
}

/**
 * Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) — binds the signer's identity and key into every
 * digest (GB/T 32918.2 §5.5). ENTL is the bit length of the id as two bytes.
 */
export function sm2Z(
  publicKey: Sm2PublicKey,
  id: string = SM2_DEFAULT_ID,
  curve: Sm2Curve = SM2_CURVE,
): Buffer {
  const idBytes = Buffer.from(id, 'utf8')
  const bits = idBytes.length * 8
  if (bits > 0xffff) throw new Error('sm2: distinguishing id too long')
  return sm3(
    Buffer.from([bits >> 8, bits & 0xff]),
    idBytes,
    bigintToBytes(curve.a),
    bigintToBytes(curve.b),
    bigintToBytes(curve.Gx),
    bigintToBytes(curve.Gy),
    publicKey.x,
    publicKey.y,
  )
}

/** e = SM3(Z ‖ M) as an integer. */
export function sm2Digest(z: Uint8Array, message: Uint8Array): bigint {
  return bytesToBigint(sm3(z, message))
}

/** A nonce `k` and the x coordinate of `kG`. */
export type Sm2Nonce = () => { k: bigint; x1: bigint }

/**
 * `k` uniform in [1, n-1] (40 random bytes reduced mod n-1: bias below 2⁻⁶⁴, as FIPS 186-5 A.2.1)
 * and `kG` by @noble/curves, for curves OpenSSL does not know (the standard's example curve);
 * `fixedK` is for that worked example only.
 */
export function nobleNonce(curve: Sm2Curve, fixedK?: bigint): Sm2Nonce {
  return () => {
    const k = fixedK ?? mod(bytesToBigint(randomBytes(40)), curve.n - 1n) + 1n
    return { k, x1: points(curve).BASE.multiply(k).toAffine().x }
  }
}

/** `k` from OpenSSL's CSPRNG and `kG` by OpenSSL's native scalar multiplication (an ECDH key pair). */
export const nativeNonce: Sm2Nonce = () => {
  const ecdh = createECDH('SM2')
  const point = ecdh.generateKeys()
  return { k: bytesToBigint(ecdh.getPrivateKey()), x1: bytesToBigint(point.subarray(1, 33)) }
}

const defaultNonce = nativeNonce

/** The signature as two integers; `toRaw`/`toDer` encode it. */
export interface Sm2Signature {
  r: bigint
  s: bigint
}

/** Signs digest `e` with private key `d` (GB/T 32918.2 §6.1, steps A3–A7). */
export function sm2SignDigest(
  d: bigint,
  e: bigint,
  curve: Sm2Curve = SM2_CURVE,
  nonce: Sm2Nonce = curve === SM2_CURVE ? defaultNonce : nobleNonce(curve),
  /** (1 + d)⁻¹ mod n, when the caller keeps it. */
  inverse: bigint = invert(1n + d, curve.n),
): Sm2Signature {
  const { n } = curve
  if (d <= 0n || d >= n - 1n) throw new Error('sm2: private key out of range')
  for (;;) {
    const { k, x1 } = nonce()
    const r = mod(e + x1, n)
    if (r === 0n || r + k === n) continue
    const s = mod(inverse * (k - r * d), n)
    if (s !== 0n) return { r, s }
  }
}

/** Checks a signature on digest `e` (GB/T 32918.2 §7.1, steps B1–B7). */
export function sm2VerifyDigest(
  publicKey: Sm2PublicKey,
  e: bigint,
  { r, s }: Sm2Signature,
  curve: Sm2Curve = SM2_CURVE,
): boolean {
  const { n } = curve
  if (r < 1n || r >= n || s < 1n || s >= n) return false
  const t = mod(r + s, n)
  if (t === 0n) return false
  const P = publicPoint(publicKey, curve)
  // s, t and P are public: no need for the constant-time ladder.
  const sum = points(curve).BASE.multiplyUnsafe(s).add(P.multiplyUnsafe(t))
  if (sum.is0()) return false
  return mod(e + sum.toAffine().x, n) === r
}

const checkedPoints = new Map<string, Point>()

/** The key as a curve point, checked to lie on the curve; cached, with a window table for speed. */
function publicPoint(key: Sm2PublicKey, curve: Sm2Curve): Point {
  const id = `${key.x.toString('hex')}${key.y.toString('hex')}`
  const cached = curve === SM2_CURVE ? checkedPoints.get(id) : undefined
  if (cached) return cached
  const point = points(curve).fromAffine({ x: bytesToBigint(key.x), y: bytesToBigint(key.y) })
  point.assertValidity()
  if (curve !== SM2_CURVE) return point
  point.precompute(4, false)
  // Keys are few (one per issuer and rotation); the bound only stops a flood of foreign keys.
  if (checkedPoints.size >= 1024) checkedPoints.clear()
  checkedPoints.set(id, point)
  return point
}

/** A fresh key pair on the recommended curve, from OpenSSL's generator. */
export function generateSm2KeyPair(): { d: Buffer; publicKey: Sm2PublicKey } {
  const ecdh = createECDH('SM2')
  const point = ecdh.generateKeys()
  return {
    d: bigintToBytes(bytesToBigint(ecdh.getPrivateKey())),
    publicKey: { x: point.subarray(1, 33), y: point.subarray(33, 65) },
  }
}

/** The public key of private key `d`, checked to be a valid SM2 private key. */
export function sm2PublicKeyOf(d: Uint8Array): Sm2PublicKey {
  const scalar = bytesToBigint(d)
  if (scalar <= 0n || scalar >= SM2_CURVE.n - 1n) throw new Error('sm2: private key out of range')
  const ecdh = createECDH('SM2')
  ecdh.setPrivateKey(bigintToBytes(scalar))
  const point = ecdh.getPublicKey()
  return { x: point.subarray(1, 33), y: point.subarray(33, 65) }
}

/**
 * A signer bound to one key and id: Z and (1 + d)⁻¹ are computed once. `nonce` is where `k` and `kG`
 * come from: inline by default, or taken from an `Sm2NoncePool` made ahead on a worker thread.
 */
export class Sm2Key {
  readonly z: Buffer
  private readonly d: bigint
  private readonly inverse: bigint

  constructor(
    d: Uint8Array,
    readonly publicKey: Sm2PublicKey = sm2PublicKeyOf(d),
    readonly id: string = SM2_DEFAULT_ID,
    private readonly nonce: Sm2Nonce = defaultNonce,
  ) {
    this.d = bytesToBigint(d)
    if (this.d <= 0n || this.d >= SM2_CURVE.n - 1n) throw new Error('sm2: private key out of range')
    this.inverse = invert(1n + this.d, SM2_CURVE.n)
    this.z = sm2Z(publicKey, id)
  }

  /** r ‖ s, 64 bytes (the form the JWS-like documents carry). */
  sign(message: Uint8Array): Buffer {
    return toRaw(sm2SignDigest(this.d, sm2Digest(this.z, message), SM2_CURVE, this.nonce, this.inverse))
  }
}

/** Verifies r ‖ s (64 bytes) over `message` under `publicKey` and `id`. */
export function sm2Verify(
  publicKey: Sm2PublicKey,
  message: Uint8Array,
  signature: Uint8Array,
  id: string = SM2_DEFAULT_ID,
): boolean {
  if (signature.length !== 64) return false
  const e = sm2Digest(zOf(publicKey, id), message)
  return sm2VerifyDigest(publicKey, e, fromRaw(signature))
}

const zCache = new Map<string, Buffer>()
function zOf(publicKey: Sm2PublicKey, id: string): Buffer {
  const key = `${publicKey.x.toString('hex')}${publicKey.y.toString('hex')}:${id}`
  let z = zCache.get(key)
  if (!z) {
    z = sm2Z(publicKey, id)
    if (zCache.size >= 1024) zCache.clear()
    zCache.set(key, z)
  }
  return z
}

export function toRaw({ r, s }: Sm2Signature): Buffer {
  return Buffer.concat([bigintToBytes(r), bigintToBytes(s)])
}

export function fromRaw(raw: Uint8Array): Sm2Signature {
  return { r: bytesToBigint(raw.subarray(0, 32)), s: bytesToBigint(raw.subarray(32, 64)) }
}

/** DER `SEQUENCE { INTEGER r, INTEGER s }`, the form OpenSSL reads and writes (GB/T 35276). */
export function toDer({ r, s }: Sm2Signature): Buffer {
  const integer = (v: bigint) => {
    let bytes = bigintToBytes(v).subarray(bigintToBytes(v).findIndex((b) => b !== 0))
    if (bytes.length === 0) bytes = Buffer.from([0])
    if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes])
    return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes])
  }
  const body = Buffer.concat([integer(r), integer(s)])
  return Buffer.concat([Buffer.from([0x30, body.length]), body])
}

export function fromDer(der: Uint8Array): Sm2Signature {
  const bytes = Buffer.from(der)
  if (bytes[0] !== 0x30 || bytes[1] !== bytes.length - 2) throw new Error('sm2: not a DER signature')
  let at = 2
  const integer = () => {
    if (bytes[at] !== 0x02) throw new Error('sm2: not a DER signature')
    const length = bytes[at + 1]!
    const value = bytesToBigint(bytes.subarray(at + 2, at + 2 + length))
    at += 2 + length
    return value
  }
  const r = integer()
  const s = integer()
  if (at !== bytes.length) throw new Error('sm2: not a DER signature')
  return { r, s }
}
