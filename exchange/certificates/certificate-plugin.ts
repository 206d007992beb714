import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { UnavailableError } from '../../platform/errors/app-error.ts'
import { loadOrCreateSecret } from '../../platform/server/local-secret.ts'
import { CertificateDocuments } from './certificate-documents.ts'
import { CertificateFeedService } from './certificate-feed-service.ts'
import { certificateRoutes } from './certificate-routes.ts'
import { FaceDataValidator } from './certificate-rules.ts'
import { CertificateService } from './certificate-service.ts'
import { CertificateSigner } from './certificate-signer.ts'
import { ClerkFetchService } from './clerk-fetch-service.ts'
import { clerkRoutes } from './clerk-routes.ts'
import { KeySealer } from './key-sealer.ts'
import { parseSigningAlgorithms } from './signing-algorithms.ts'

export interface CertificateFacade {
  readonly service: CertificateService
  readonly documents: CertificateDocuments
  readonly signer: CertificateSigner
  readonly clerk: ClerkFetchService
  /** Certificates pulled from department systems through their adapters. */
  readonly feed: CertificateFeedService
}

/** Pulls every adapter's new certificates; scheduled by `startCertificateFeed`. */
export const CERTIFICATE_FEED_JOB = 'certificate-feed-tick'
export const CERTIFICATE_FEED_EVERY_MS = 60_000

declare module 'fastify' {
  interface FastifyInstance {
    certificates: CertificateFacade
  }
}

export interface CertificatePluginOptions {
  /** The key-encryption key; default `CERT_KEY_ENCRYPTION_KEY`, or (embedded mode) one kept in the data dir. */
  keyEncryptionKey?: string
}

export const KEY_ENCRYPTION_FILE = 'cert-key-encryption.key'

/**
 * Electronic certificates on the app: `app.certificates`, the routes, and the feed job that hands
 * what department systems issued (through their adapters) to `service.ingest`; nothing is pulled
 * until the server start path calls `startCertificateFeed(app)`. The key-encryption key is resolved
 * on the first signature, so a services-mode hub without `CERT_KEY_ENCRYPTION_KEY` still starts and
 * answers everything but signing with a clear 503.
 */
export const certificatePlugin = fp<CertificatePluginOptions>(
  async (app: FastifyInstance, opts) => {
    let sealer: Promise<KeySealer> | undefined
    const resolveSealer = () => {
      sealer ??= (async () => {
        const { certificates } = app.config
        const secret = opts.keyEncryptionKey ?? certificates.keyEncryptionKey
        // SM4 instead of AES-256-GCM for keys sealed from now on; earlier KEKs open older keys (ADR 0007).
        const algorithm = certificates.keySealAlgorithm
        const retired = certificates.retiredKeyEncryptionKeys
        if (secret) return KeySealer.fromSecret(secret, algorithm, retired)
        if (app.config.mode === 'embedded')
          return KeySealer.fromSecret(
            await loadOrCreateSecret(app.config.dataDir, KEY_ENCRYPTION_FILE),
            algorithm,
            retired,
          )
        throw new UnavailableError(
          'certificate-keys-unconfigured',
          'CERT_KEY_ENCRYPTION_KEY is not set: certificates cannot be signed (32 random bytes, base64url or hex)',
        )
      })()
      // A failed resolution is not cached: a data dir that could not be written is tried again next time.
      sealer.catch(() => {
        sealer = undefined
      })
      return sealer
    }
    const signer = new CertificateSigner(
      app.db,
      resolveSealer,
      Date.now,
      parseSigningAlgorithms(app.config.certificates.signingAlgorithms ?? undefined),
    )
    const documents = new CertificateDocuments(app.db, signer)
    const service = new CertificateService(app.db, new FaceDataValidator(), documents)
    const feed = new CertificateFeedService({
      db: app.db,
      adapters: app.adapters,
      certificates: service,
      log: app.log,
      registry: app.metrics.registry,
    })
    const facade: CertificateFacade = {
      signer,
      documents,
      service,
      clerk: new ClerkFetchService(app.db, documents),
      feed,
    }
    app.decorate('certificates', facade)
    app.jobs.define(
      CERTIFICATE_FEED_JOB,
      async () => {
        // pullAll has already logged each failure and let the other adapters run; failing the run
        // keeps it visible among the dead letters.
        const { failures } = await feed.pullAll()
        if (failures.length > 0) throw failures[0]!.error
      },
      { attempts: 1 },
    )
    await app.register(certificateRoutes)
    await app.register(clerkRoutes)
  },
  { name: 'certificates', dependencies: ['db', 'audit', 'adapters', 'jobs', 'metrics'] },
)

/** Schedules the certificate feed. Called once from the server start path, after the app is ready. */
export async function startCertificateFeed(
  app: FastifyInstance,
  everyMs = CERTIFICATE_FEED_EVERY_MS,
): Promise<void> {
  await app.jobs.repeat(CERTIFICATE_FEED_JOB, {}, everyMs)
}
