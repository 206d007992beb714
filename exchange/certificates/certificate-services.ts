import type { FastifyInstance } from 'fastify'
import { UnavailableError } from '../../platform/errors/app-error.ts'
import type { HubInfra } from '../../platform/http/hub-feature.ts'
import { loadOrCreateSecret } from '../../platform/server/local-secret.ts'
import { CertificateDocuments } from './certificate-documents.ts'
import { CertificateFeedService } from './certificate-feed-service.ts'
import { FaceDataValidator } from './certificate-rules.ts'
import { CertificateService } from './certificate-service.ts'
import { CertificateSigner } from './certificate-signer.ts'
import { ClerkFetchService } from './clerk-fetch-service.ts'
import { KeySealer, type SealAlgorithm } from './key-sealer.ts'
import { parseSigningAlgorithms } from './signing-algorithms.ts'

export interface CertificateFacade {
  readonly service: CertificateService
  readonly documents: CertificateDocuments
  readonly signer: CertificateSigner
  readonly clerk: ClerkFetchService
  /** Certificates pulled from department systems through their adapters. */
  readonly feed: CertificateFeedService
}

declare module 'fastify' {
  interface FastifyInstance {
    certificates: CertificateFacade
  }
}

export interface CertificateServiceOptions {
  /** The key-encryption key; default `CERT_KEY_ENCRYPTION_KEY`, or (embedded mode) one kept in the data dir. */
  keyEncryptionKey?: string
}

export const KEY_ENCRYPTION_FILE = 'cert-key-encryption.key'

/**
 * Electronic certificates: the signer, documents, the service, the clerk's fetches and the feed that
 * hands what department systems issued (through their adapters) to `service.ingest`. The
 * key-encryption key is resolved on the first signature, so a services-mode hub without
 * `CERT_KEY_ENCRYPTION_KEY` still starts and answers everything but signing with a clear 503.
 */
export function createCertificateServices(
  infra: HubInfra & Pick<FastifyInstance, 'adapters'>,
  opts: CertificateServiceOptions = {},
): CertificateFacade {
  const { config } = infra
  let sealer: Promise<KeySealer> | undefined
  const resolveSealer = () => {
    sealer ??= (async () => {
      const secret = opts.keyEncryptionKey ?? process.env.CERT_KEY_ENCRYPTION_KEY
      // SM4 instead of AES-256-GCM for keys sealed from now on; earlier KEKs open older keys (ADR 0007).
      const algorithm = (process.env.CERT_KEY_SEAL_ALGORITHM?.trim() || 'aes-256-gcm') as SealAlgorithm
      const retired = (process.env.CERT_KEY_ENCRYPTION_KEYS_RETIRED ?? '').split(',').filter((s) => s.trim())
      if (secret) return KeySealer.fromSecret(secret, algorithm, retired)
      if (config.mode === 'embedded')
        return KeySealer.fromSecret(
          await loadOrCreateSecret(config.dataDir, KEY_ENCRYPTION_FILE),
          algorithm,
          retired,
        )
      throw new UnavailableError(
        'certificate-keys-unconfigured',
        'CERT_KEY_ENCRYPTION_KEY is not set: certificates cannot be signed (32 random bytes, base64url or hex)',
      )
    })()
    // A failed resolution is not cached: setting the variable and retrying must work without a restart.
    sealer.catch(() => {
      sealer = undefined
    })
    return sealer
  }
  const signer = new CertificateSigner(
    infra.db,
    resolveSealer,
    Date.now,
    parseSigningAlgorithms(process.env.CERT_SIGNING_ALGORITHMS),
  )
  const documents = new CertificateDocuments(infra.db, signer)
  const service = new CertificateService(infra.db, new FaceDataValidator(), documents)
  const feed = new CertificateFeedService({
    db: infra.db,
    adapters: infra.adapters,
    certificates: service,
    log: infra.log,
    registry: infra.metrics.registry,
  })
  return { signer, documents, service, clerk: new ClerkFetchService(infra.db, documents), feed }
}
