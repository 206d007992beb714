import { Worker } from 'node:worker_threads'
import { bytesToBigint, nativeNonce, type Sm2Nonce } from './sm2.ts'

/**
 * SM2 signing nonces made ahead of time on a worker thread. An SM2 signature's cost is almost all
 * the nonce point `kG` (≈ 0.9 ms with OpenSSL 3.0, which has no optimised SM2 curve code, against
 * ≈ 25 µs for the SM3 digest and the modular arithmetic), and `k`, `kG` do not depend on the
 * message — so a worker computes them (the same OpenSSL call as `nativeNonce`: `k` uniform in
 * [1, n-1] from OpenSSL's CSPRNG) while the request thread only takes one. Each nonce is handed out
 * once and dropped; the signatures are ordinary SM2 signatures (OpenSSL verifies them). When the
 * pool runs dry under a burst, `take` computes one inline rather than wait.
 */

// Plain CommonJS evaluated in the worker: no loader, no imports of hub code.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createECDH } = require('node:crypto')
// One key object for the worker's life: each generateKeys() draws a fresh private key, and building
// the curve group again per nonce would cost another tenth.
const ecdh = createECDH('SM2')
parentPort.on('message', (count) => {
  const out = new Uint8Array(count * 64)
  for (let i = 0; i < count; i++) {
    const point = ecdh.generateKeys()
    const k = ecdh.getPrivateKey()
    out.set(k, i * 64 + 32 - k.length)
    out.set(point.subarray(1, 33), i * 64 + 32)
  }
  parentPort.postMessage(out, [out.buffer])
})
`

export interface Sm2NoncePoolOptions {
  /** Nonces asked of the worker at a time. */
  batch?: number
  /** A refill is asked for when fewer than this many are left. */
  lowWater?: number
}

export class Sm2NoncePool {
  private readonly worker: Worker
  private readonly batch: number
  private readonly lowWater: number
  private ready: Uint8Array[] = []
  private refilling = false
  private closed = false
  /** Nonces computed inline because the pool was empty (for tests and the bench report). */
  inline = 0

  constructor(options: Sm2NoncePoolOptions = {}) {
    this.batch = options.batch ?? 256
    this.lowWater = options.lowWater ?? 128
    this.worker = new Worker(WORKER_SOURCE, { eval: true })
    // A pool never keeps the process alive; close() ends the worker on shutdown.
    this.worker.unref()
    this.worker.on('message', (bytes: Uint8Array) => {
      this.refilling = false
      for (let at = 0; at < bytes.length; at += 64) this.ready.push(bytes.subarray(at, at + 64))
      this.refill()
    })
    this.worker.on('error', () => {
      // Signing goes on inline; nothing is lost but speed.
      this.closed = true
    })
    this.refill()
  }

  /** A fresh nonce: from the pool, or computed here when the pool is empty. */
  readonly take: Sm2Nonce = () => {
    const next = this.ready.pop()
    if (this.ready.length < this.lowWater) this.refill()
    if (!next) {
      this.inline++
      return nativeNonce()
    }
    const nonce = { k: bytesToBigint(next.subarray(0, 32)), x1: bytesToBigint(next.subarray(32, 64)) }
    // The bytes of k are secret and used once: wipe them rather than leave them for the GC.
    next.fill(0)
    return nonce
  }

  /** How many nonces are ready now. */
  get size(): number {
    return this.ready.length
  }

  async close(): Promise<void> {
    this.closed = true
    for (const bytes of this.ready) bytes.fill(0)
    this.ready = []
    await this.worker.terminate()
  }

  private refill(): void {
    if (this.refilling || this.closed || this.ready.length >= this.lowWater) return
    this.refilling = true
    this.worker.postMessage(this.batch)
  }
}
