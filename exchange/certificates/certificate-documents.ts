import type { Knex } from 'knex'
import { TurnBatcher } from '../../platform/db/turn-batcher.ts'
import type { Certificate, CertificateVerification } from '../../schemas/generated/types.ts'
import type { CertificateSigner } from './certificate-signer.ts'
import {
  type CertificateRow,
  type CertificateStatusRow,
  effectiveStatus,
  findCertificateStatuses,
  today,
} from './certificate-store.ts'

/** What a proof answer is bound to: the case and material it was fetched for. */
export interface DocumentBinding {
  caseNumber: string
  materialCode: string
}

/** The claims inside a signed certificate document. */
export interface CertificateClaims {
  iss: string
  iat: number
  certificate: Certificate
  binding?: DocumentBinding
}

export const ISSUER_PREFIX = 'urn:hub:departments:'

/**
 * Signed certificate documents (JWS: ES256, or SM2-SM3 per issuer) and their verification. The document states the
 * certificate as it was when signed; verification adds what only the hub knows now: whether the
 * key is the issuer's and whether the certificate was suspended, revoked or has expired since.
 */
export class CertificateDocuments {
  /** Current statuses, read for all verifications of one event-loop turn at once (still fresh). */
  private readonly statuses: TurnBatcher<string, CertificateStatusRow>

  constructor(
    db: Knex,
    private readonly signer: CertificateSigner,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.statuses = new TurnBatcher((ids) => findCertificateStatuses(db, ids))
  }

  async sign(certificate: Certificate, binding?: DocumentBinding): Promise<string> {
    return (await this.signAndState(certificate, binding)).document
  }

  /**
   * Signs and states the verification result of the new document at once: it is signed with the
   * issuer's own active key over claims naming that issuer, so a verification would find the
   * signature and the key good by construction and report `row`'s current status — which is what
   * this returns without redoing the cryptography.
   */
  async signAndState(
    certificate: Certificate,
    binding: DocumentBinding | undefined,
    row?: Pick<CertificateRow, 'status' | 'valid_until'>,
  ): Promise<{ document: string; verification: CertificateVerification }> {
    const iat = Math.floor(this.now().getTime() / 1000)
    const claims: CertificateClaims = {
      iss: `${ISSUER_PREFIX}${certificate.issuerDepartment}`,
      iat,
      certificate,
      ...(binding ? { binding } : {}),
    }
    const { document, kid } = await this.signer.signWithKid(
      certificate.issuerDepartment,
      claims as unknown as Record<string, unknown>,
    )
    const status = row ? effectiveStatus(row, today(this.now())) : certificate.status
    return {
      document,
      verification: {
        valid: status === 'valid',
        reason: status === 'valid' ? null : status,
        signatureValid: true,
        kid,
        certificateId: certificate.id,
        issuerDepartment: certificate.issuerDepartment,
        status,
        signedAt: new Date(iat * 1000).toISOString(),
      },
    }
  }

  /**
   * `known` is the certificate's row as the caller just read it (a fetch that signed it a moment
   * ago), which spares a second look-up; the signature is still checked for real.
   */
  async verify(document: string, known?: CertificateStatusRow): Promise<CertificateVerification> {
    const result: CertificateVerification = {
      valid: false,
      reason: null,
      signatureValid: false,
      kid: null,
      certificateId: null,
      issuerDepartment: null,
      status: null,
      signedAt: null,
    }
    const checked = await this.signer.check(document)
    result.kid = checked.kid
    if (!checked.ok) return { ...result, reason: checked.reason }
    result.signatureValid = true
    result.issuerDepartment = checked.department
    const claims = checked.payload as Partial<CertificateClaims>
    const id = typeof claims.certificate?.id === 'string' ? claims.certificate.id : null
    result.certificateId = id
    if (typeof claims.iat === 'number') result.signedAt = new Date(claims.iat * 1000).toISOString()
    if (id === null) return { ...result, reason: 'malformed' }
    // A key signs only for its own department: a document naming another issuer is a forgery attempt.
    if (
      claims.iss !== `${ISSUER_PREFIX}${checked.department}` ||
      claims.certificate?.issuerDepartment !== checked.department
    )
      return { ...result, reason: 'issuer-mismatch' }
    const row = known?.id === id ? known : await this.statuses.get(id)
    if (!row || row.issuer_department !== checked.department)
      return { ...result, reason: 'unknown-certificate' }
    const status = effectiveStatus(row, today(this.now()))
    result.status = status
    return status === 'valid' ? { ...result, valid: true } : { ...result, reason: status }
  }
}
