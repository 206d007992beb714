import type { Knex } from 'knex'
import { materialsOfVersion } from '../../directory/service-items/service-item-read-model.ts'
import { TurnBatcher } from '../../platform/db/turn-batcher.ts'
import {
  AppError,
  ConflictError,
  type FieldProblem,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '../../platform/errors/app-error.ts'
import { canFetchForCase } from '../../policies/certificate-policy.ts'
import type { RequestContext } from '../../policies/request-context.ts'
import type {
  CertificateFetchRequest,
  CertificateFetchResult,
  CertificateShareableMaterials,
  ServiceItemMaterial,
} from '../../schemas/generated/types.ts'
import { disputedCertificates } from '../objections/objection-read-model.ts'
import {
  type CaseFacts,
  caseMaterialKey,
  findCaseFacts,
  findCaseFactsAndMaterials,
} from './case-facts-read-model.ts'
import { fetchesOfCase, missesOfCase, recordFetch, recordMiss } from './case-material-fetch-store.ts'
import type { CertificateDocuments } from './certificate-documents.ts'
import { checkHolderId, parseCertificateId } from './certificate-rules.ts'
import {
  type CertificateRow,
  effectiveStatus,
  findCertificate,
  findCertificatesOfHolders,
  holderKey,
  toCertificate,
  today,
} from './certificate-store.ts'

export const FETCH_ACTION = 'certificates.fetch'

/**
 * The window clerk's flow (一窗受理): which materials of a case can be obtained by sharing, and
 * fetching one certificate for it. Every fetch attempt, allowed or refused, is audited before the
 * answer; a certificate is only ever looked up by the case's applicant (or agent) as holder.
 */
/** The audit purpose of every certificate fetch at the window: handling the applicant's case (办件). */
export const CASE_HANDLING_PURPOSE = 'case-handling'

export class ClerkFetchService {
  /**
   * The reads every fetch makes, shared by the fetches of one event-loop turn (one query each per
   * turn; each fetch still reads after it asked, see TurnBatcher).
   */
  private readonly caseMaterials: TurnBatcher<
    string,
    { facts: CaseFacts; material: ServiceItemMaterial | undefined }
  >
  private readonly holderCertificates: TurnBatcher<string, CertificateRow[]>

  constructor(
    private readonly db: Knex,
    private readonly documents: CertificateDocuments,
  ) {
    this.caseMaterials = new TurnBatcher((keys) =>
      findCaseFactsAndMaterials(
        db,
        keys.map((key) => {
          const [caseNumber, materialCode] = key.split('\u0000') as [string, string]
          return { caseNumber, materialCode }
        }),
      ),
    )
    this.holderCertificates = new TurnBatcher((keys) =>
      findCertificatesOfHolders(
        db,
        keys.map((key) => {
          const at = key.indexOf(':')
          return { idType: key.slice(0, at) as CaseFacts['applicant']['idType'], idNumber: key.slice(at + 1) }
        }),
      ),
    )
  }

  async shareableMaterials(ctx: RequestContext, caseNumber: string): Promise<CertificateShareableMaterials> {
    const facts = await findCaseFacts(this.db, caseNumber)
    // Looking at what a closed case needed is harmless; fetching for it is not.
    const decision = canFetchForCase(await ctx.ability(), facts)
    if (!decision.allowed || !facts) {
      throw await ctx.audit.refused(refusal(decision.allowed ? 'case-not-found' : decision.reason), {
        action: 'certificates.shareable-materials',
        resourceType: 'case',
        resourceId: caseNumber,
        caseNumber,
      })
    }
    const [materials, fetched, missed] = await Promise.all([
      materialsOfVersion(this.db, facts.serviceItemCode, facts.serviceItemVersion),
      fetchesOfCase(this.db, caseNumber),
      missesOfCase(this.db, caseNumber),
    ])
    const disputes = await disputedCertificates(
      this.db,
      [...fetched.values()].map((f) => f.certificateId),
    )
    return {
      caseNumber,
      serviceItemCode: facts.serviceItemCode,
      items: materials
        .filter((m) => m.required)
        .map((m) => {
          const obtained = fetched.get(m.materialCode)
          return {
            materialCode: m.materialCode,
            name: m.name,
            shareable: m.certificateTypes.length > 0 || m.resourceCodes.length > 0,
            certificateTypes: m.certificateTypes,
            resourceCodes: m.resourceCodes,
            obtained: obtained
              ? {
                  certificateId: obtained.certificateId,
                  fetchedAt: obtained.fetchedAt,
                  fetchedBy: obtained.fetchedBy,
                  ...disputedMark(disputes.get(obtained.certificateId)),
                }
              : null,
            missed: obtained ? null : (missed.get(m.materialCode) ?? null),
          }
        }),
    }
  }

  async fetch(
    ctx: RequestContext,
    caseNumber: string,
    materialCode: string,
    request: CertificateFetchRequest,
  ): Promise<CertificateFetchResult> {
    const { principal } = ctx
    // The purpose of a window clerk's fetch is always the case being handled; the trail (and the
    // citizen's page) says so instead of leaving "why" empty.
    const base = {
      action: FETCH_ACTION,
      resourceType: 'certificate',
      caseNumber,
      purpose: CASE_HANDLING_PURPOSE,
      details: { materialCode },
    }
    let subjectId: string | null = null
    try {
      const found = await this.caseMaterials.get(caseMaterialKey(caseNumber, materialCode))
      const facts = found?.facts
      const decision = canFetchForCase(await ctx.ability(), facts)
      if (!decision.allowed || !facts) throw refusal(decision.allowed ? 'case-not-found' : decision.reason)
      if (facts.status === 'completed') throw refusal('case-closed')
      const holder = this.holderOf(facts, request)
      subjectId = holder.idNumber
      const material = found.material
      if (!material)
        throw new NotFoundError(
          'material-not-found',
          `Service item ${facts.serviceItemCode} has no material ${materialCode}`,
        )
      if (!material.required)
        throw new InputError(
          'material-not-required',
          `${material.name} is not a required material of this service item`,
        )
      if (material.certificateTypes.length === 0)
        throw new InputError(
          'material-not-certificate',
          `${material.name} is not replaced by any certificate type`,
        )

      const candidates = await this.candidates(holder, material.certificateTypes, request.certificateId)
      const result = await this.answer(facts, materialCode, candidates)
      if (result.outcome === 'found' && result.certificate) {
        await recordFetch(this.db, {
          caseNumber,
          materialCode,
          certificateId: result.certificate.id,
          fetchedBy: principal.subject,
          department: facts.department,
        })
      } else if (result.outcome !== 'found') {
        // Paper is needed for now: the window says so whenever the case is opened, until a fetch finds one.
        await recordMiss(this.db, {
          caseNumber,
          materialCode,
          outcome: result.outcome,
          attemptedBy: principal.subject,
          department: facts.department,
        })
      }
      await ctx.audit.record({
        ...base,
        resourceId: result.certificate?.id ?? null,
        subjectId,
        items: result.certificate ? [result.certificate.typeCode] : [],
        outcome: 'allowed',
        reason: result.outcome,
        details: { materialCode, outcome: result.outcome },
      })
      return result
    } catch (error) {
      throw error instanceof AppError ? await ctx.audit.refused(error, { ...base, subjectId }) : error
    }
  }

  private holderOf(facts: CaseFacts, request: CertificateFetchRequest): CaseFacts['applicant'] {
    const holder = request.holder === 'agent' ? facts.agent : facts.applicant
    if (!holder) throw new InputError('case-has-no-agent', 'This case has no recorded agent')
    if (request.holderIdNumber !== undefined) {
      const problems: FieldProblem[] = []
      const claimed = checkHolderId(holder.idType, request.holderIdNumber, '/holderIdNumber', problems)
      if (problems.length > 0)
        throw new InputError('holder-id-invalid', 'The holder identifier is invalid', { errors: problems })
      if (claimed !== holder.idNumber)
        throw new NotAllowedError(
          'holder-not-applicant',
          `The holder is not the case's ${request.holder ?? 'applicant'}`,
        )
    }
    return holder
  }

  private async candidates(
    holder: CaseFacts['applicant'],
    typeCodes: readonly string[],
    certificateId: string | undefined,
  ): Promise<CertificateRow[]> {
    if (certificateId === undefined) {
      const held = (await this.holderCertificates.get(holderKey(holder))) ?? []
      return held.filter((c) => typeCodes.includes(c.type_code))
    }
    const row = await findCertificate(this.db, parseCertificateId(certificateId))
    // Another person's certificate is indistinguishable from none at all.
    if (!row || row.holder_id_type !== holder.idType || row.holder_id_number !== holder.idNumber) return []
    if (!typeCodes.includes(row.type_code))
      throw new InputError(
        'certificate-type-not-required',
        'That certificate is not of a type this material accepts',
      )
    return [row]
  }

  private async answer(
    facts: CaseFacts,
    materialCode: string,
    candidates: CertificateRow[],
  ): Promise<CertificateFetchResult> {
    const on = today()
    const base = { caseNumber: facts.caseNumber, materialCode }
    const usable = candidates.filter((c) => effectiveStatus(c, on) === 'valid')
    if (usable.length > 1) return { ...base, outcome: 'ambiguous', candidates: usable.map((c) => c.id) }
    if (usable.length === 0) {
      if (candidates.length === 0) return { ...base, outcome: 'not-found' }
      const anyWithdrawn = candidates.some((c) => c.status !== 'valid')
      return {
        ...base,
        outcome: anyWithdrawn ? 'revoked' : 'expired',
        candidates: candidates.map((c) => c.id),
      }
    }
    const certificate = toCertificate(usable[0]!, on)
    const [{ document, verification }, disputes] = await Promise.all([
      this.documents.signAndState(certificate, { caseNumber: facts.caseNumber, materialCode }, usable[0]),
      disputedCertificates(this.db, [certificate.id]),
    ])
    return {
      ...base,
      outcome: 'found',
      certificate,
      document,
      verification,
      ...disputedMark(disputes.get(certificate.id)),
    }
  }
}

/** A certificate under an unresolved objection is shown as such to the clerk (exchange/objections/). */
function disputedMark(objectionId: string | undefined): { disputed?: true; objectionId?: string } {
  return objectionId ? { disputed: true, objectionId } : {}
}

function refusal(reason: string): AppError {
  if (reason === 'case-not-found') return new NotFoundError(reason, 'No such case')
  // Another department's case answers exactly like a case that does not exist (no existence oracle).
  if (reason === 'not-case-department')
    return new NotFoundError('case-not-found', 'No such case', { auditReason: reason })
  if (reason === 'case-closed')
    return new ConflictError(reason, 'The case is completed; nothing more is fetched for it')
  return new NotAllowedError(reason, 'Only a clerk of the handling department fetches for this case')
}
