import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { UnavailableError } from '../../platform/errors/app-error.ts'
import { loadOrCreateSecret } from '../../platform/server/local-secret.ts'
import { CertificateDocuments } from './certificate-documents.ts'
import { certificateRoutes } from './certificate-routes.ts'
import { FaceDataValidator } from './certificate-rules.ts'
import { CertificateService } from './certificate-service.ts'
import { CertificateSigner } from './certificate-signer.ts'
import { ClerkFetchService } from './clerk-fetch-service.ts'
import { clerkRoutes } from './clerk-routes.ts'
import { KeySealer } from './key-sealer.ts'
import { MaterialService } from './material-service.ts'

export interface CertificateFacade {
  readonly service: CertificateService
  readonly documents: CertificateDocuments
  readonly signer: CertificateSigner
  readonly materials: MaterialService
  readonly clerk: ClerkFetchService
}

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
 * Electronic certificates on the app: `app.certificates` (adapters feed `service.ingest`) and the
 * routes. The key-encryption key is resolved on the first signature, so a services-mode hub without
 * `CERT_KEY_ENCRYPTION_KEY` still starts and answers everything but signing with a clear 503.
 */
export const certificatePlugin = fp<CertificatePluginOptions>(
  async (app: FastifyInstance, opts) => {
    let sealer: Promise<KeySealer> | undefined
    const resolveSealer = () => {
      sealer ??= (async () => {
        const secret = opts.keyEncryptionKey ?? process.env.CERT_KEY_ENCRYPTION_KEY
        if (secret) return KeySealer.fromSecret(secret)
        if (app.config.mode === 'embedded')
          return KeySealer.fromSecret(await loadOrCreateSecret(app.config.dataDir, KEY_ENCRYPTION_FILE))
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
    const signer = new CertificateSigner(app.db, resolveSealer)
    const documents = new CertificateDocuments(app.db, signer)
    const facade: CertificateFacade = {
      signer,
      documents,
      service: new CertificateService(app.db, new FaceDataValidator(), documents),
      materials: new MaterialService(app.db),
      clerk: new ClerkFetchService(app.db, documents),
    }
    app.decorate('certificates', facade)
    await app.register(certificateRoutes)
    await app.register(clerkRoutes)
  },
  { name: 'certificates', dependencies: ['db', 'audit'] },
)
