import type { Knex } from 'knex'
import { findDepartment } from '../../directory/departments/department-store.ts'
import {
  ConflictError,
  type FieldProblem,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '../../platform/errors/app-error.ts'
import { appendEvents } from '../../platform/events/outbox-store.ts'
import { cursorCodec } from '../../platform/http/cursor.ts'
import { idempotently } from '../../platform/http/idempotency.ts'
import { formatCertificateId } from '../../platform/identifiers/index.ts'
import {
  canIssue,
  canReadCertificate,
  canRegisterType,
  type Decision,
} from '../../policies/certificate-policy.ts'
import type { RefusalEvent, RequestContext } from '../../policies/request-context.ts'
import type {
  Certificate,
  CertificateEvent,
  CertificateIssue,
  CertificateList,
  CertificateSigned,
  CertificateStatusChange,
  CertificateType,
  CertificateTypeCreate,
  CertificateTypeList,
} from '../../schemas/generated/types.ts'
import type { CertificateDocuments } from './certificate-documents.ts'
import {
  checkHolderId,
  type FaceDataValidator,
  isTypeCode,
  newSerial,
  parseCertificateId,
} from './certificate-rules.ts'
import {
  findCertificate,
  insertCertificate,
  listCertificates,
  lockCertificateStatus,
  type StoredStatus,
  toCertificate,
  today,
  updateCertificateStatus,
} from './certificate-store.ts'
import { findCertificateType, insertCertificateType, listCertificateTypes } from './certificate-type-store.ts'

export const CERTIFICATE_TOPIC = 'certificate-events'

/** A certificate from a department system: its own serial, and its status when the system knows it. */
export type IngestedCertificate = CertificateIssue & {
  serial: string
  status?: StoredStatus
  statusReason?: string
}

/**
 * The certificate directory: types, issuing (by a department through the API, or ingested from a
 * department system by its adapter), and status changes by the issuer. Every change and its event
 * commit together.
 */
export class CertificateService {
  constructor(
    private readonly db: Knex,
    private readonly faces: FaceDataValidator,
    private readonly documents: CertificateDocuments,
  ) {}

  async listTypes(): Promise<CertificateTypeList> {
    return { items: await listCertificateTypes(this.db) }
  }

  async registerType(ctx: RequestContext, input: CertificateTypeCreate): Promise<CertificateType> {
    const problems: FieldProblem[] = []
    const code = input.code.toUpperCase()
    if (!isTypeCode(code))
      problems.push({ path: '/code', message: 'credit code of the defining authority + 3 digits' })
    problems.push(...this.faces.schemaProblems(input.faceSchema))
    if (problems.length > 0)
      throw new InputError('certificate-type-invalid', 'The certificate type is invalid', {
        errors: problems,
      })
    if (!(await findDepartment(this.db, input.issuerDepartment)))
      throw new InputError('unknown-department', `No department ${input.issuerDepartment}`, {
        errors: [{ path: '/issuerDepartment', message: 'unknown department' }],
      })
    await enforce(ctx, canRegisterType(await ctx.ability(), input.issuerDepartment), {
      action: 'certificates.type.register',
      resourceType: 'certificate-type',
      resourceId: code,
    })
    const created = await insertCertificateType(this.db, { ...input, code })
    if (!created)
      throw new ConflictError('certificate-type-exists', `Certificate type ${code} exists already`)
    return created
  }

  /** Issues on behalf of the caller's department. */
  /**
   * Issues and signs a certificate. With an Idempotency-Key a retried request (e.g. after a timeout)
   * gets the first answer instead of a second certificate under a new serial.
   */
  async issue(
    ctx: RequestContext,
    input: CertificateIssue,
    idempotencyKey?: string,
  ): Promise<{ signed: CertificateSigned; replayed: boolean }> {
    const { principal } = ctx
    const type = await this.typeOf(input.typeCode)
    await enforce(ctx, canIssue(await ctx.ability(), type.issuerDepartment), {
      action: 'certificates.issue',
      resourceType: 'certificate-type',
      resourceId: type.code,
    })
    const { value, replayed } = await this.db.transaction((trx) =>
      idempotently(
        trx,
        { subject: principal.subject, key: idempotencyKey, operation: 'issueCertificate', body: input },
        201,
        async () => {
          const { certificate, created } = await this.insert(type, input, trx)
          if (!created)
            throw new ConflictError('certificate-exists', `Certificate ${certificate.id} exists already`)
          return { certificate, document: await this.documents.sign(certificate) }
        },
      ),
    )
    return { signed: value, replayed }
  }

  /**
   * What department adapters feed: a certificate the department's own system issued, with its own
   * serial. Idempotent: feeding the same certificate again changes nothing. A status the system
   * reports (e.g. 已注销 ⇒ revoked) is applied like an issuer's status change; revocation stays final.
   */
  async ingest(issuerDepartment: string, input: IngestedCertificate): Promise<Certificate> {
    const type = await this.typeOf(input.typeCode)
    if (type.issuerDepartment !== issuerDepartment)
      throw new InputError('not-issuing-department', `${issuerDepartment} does not issue ${type.code}`)
    const { status, statusReason, ...issue } = input
    const { certificate } = await this.insert(type, issue)
    // "expired" is derived from a stored "valid".
    const stored = certificate.status === 'expired' ? 'valid' : certificate.status
    if (!status || stored === status || stored === 'revoked') return certificate
    await this.recordStatus(
      certificate.id,
      type.issuerDepartment,
      { status, reason: statusReason ?? `reported by the ${issuerDepartment} system` },
      'reported',
    )
    return toCertificate((await findCertificate(this.db, certificate.id))!)
  }

  async get(ctx: RequestContext, id: string): Promise<CertificateSigned> {
    const row = await findCertificate(this.db, parseCertificateId(id, '/id'))
    if (!row) throw notFound(id)
    // A certificate the caller may not read looks like one that does not exist (and is audited).
    if (!canReadCertificate(await ctx.ability(), row.issuer_department))
      throw await ctx.audit.refused(hidden(id), {
        action: 'certificates.read',
        resourceType: 'certificate',
        resourceId: row.id,
      })
    const certificate = toCertificate(row)
    return { certificate, document: await this.documents.sign(certificate) }
  }

  /**
   * One issuer's certificates, newest issue date first, for its issuing roles and hub oversight.
   * A listing shows holders, so it is audited like any read of personal data: allowed with what was
   * asked and how many came back, or denied with the reason.
   */
  async list(ctx: RequestContext, query: CertificateListRequest): Promise<CertificateList> {
    const { principal } = ctx
    const issuer = query.issuer ?? principal.department
    if (!issuer) {
      throw new InputError('issuer-required', 'Name the issuing department', {
        errors: [{ path: '/querystring/issuer', message: 'is required for a caller without a department' }],
      })
    }
    const filters = { type: query.type ?? null, status: query.status ?? null }
    const base = {
      action: 'certificates.list',
      resourceType: 'certificate-issuer',
      resourceId: issuer,
    } as const
    if (!canReadCertificate(await ctx.ability(), issuer)) {
      const error = new NotAllowedError(
        'not-issuing-department',
        `Only ${issuer}'s issuing roles and hub oversight list its certificates`,
      )
      throw await ctx.audit.refused(error, { ...base, details: filters })
    }
    const rows = await listCertificates(this.db, {
      issuer,
      typeCode: query.type,
      status: query.status,
      after: query.cursor === undefined ? undefined : decodeListCursor(query.cursor),
      limit: query.limit,
      on: today(),
    })
    const page = rows.slice(0, query.limit)
    const last = page.at(-1)
    await ctx.audit.record({ ...base, outcome: 'allowed', details: { ...filters, returned: page.length } })
    return {
      items: page.map((row) => toCertificate(row)),
      nextCursor:
        rows.length > query.limit && last
          ? encodeListCursor({ issuedOn: last.issued_on, id: last.id })
          : null,
    }
  }

  async changeStatus(ctx: RequestContext, id: string, change: CertificateStatusChange): Promise<Certificate> {
    const canonical = parseCertificateId(id, '/id')
    const existing = await findCertificate(this.db, canonical)
    const ability = await ctx.ability()
    if (!existing) throw notFound(id)
    if (!canReadCertificate(ability, existing.issuer_department))
      throw await ctx.audit.refused(hidden(id), {
        action: 'certificates.status',
        resourceType: 'certificate',
        resourceId: canonical,
      })
    await enforce(ctx, canIssue(ability, existing.issuer_department), {
      action: 'certificates.status',
      resourceType: 'certificate',
      resourceId: canonical,
      details: { status: change.status },
    })
    await this.recordStatus(canonical, existing.issuer_department, change)
    return toCertificate((await findCertificate(this.db, canonical))!)
  }

  /**
   * The status change and its event in one transaction; a revoked certificate stays revoked. An
   * issuer asking to change a revoked one is refused (409); a department system `reported` the status
   * its records hold, which may repeat what the hub already has (the same certificate listed twice,
   * or fed again): then nothing changes and nothing is refused.
   */
  private async recordStatus(
    id: string,
    issuerDepartment: string,
    change: CertificateStatusChange,
    source: 'issuer' | 'reported' = 'issuer',
  ): Promise<void> {
    await this.db.transaction(async (trx) => {
      const current = await lockCertificateStatus(trx, id)
      if (source === 'reported' && (current === 'revoked' || current === change.status)) return
      if (current === 'revoked')
        throw new ConflictError('certificate-revoked', 'A revoked certificate cannot change status again')
      await updateCertificateStatus(trx, id, change.status, change.reason)
      await appendEvents(trx, [
        {
          topic: CERTIFICATE_TOPIC,
          key: id,
          type: 'certificate.status-changed',
          payload: {
            id,
            status: change.status,
            previous: current,
            issuerDepartment,
          } satisfies CertificateEvent,
        },
      ])
    })
  }

  private async typeOf(code: string): Promise<CertificateType> {
    const type = await findCertificateType(this.db, code.toUpperCase())
    if (!type)
      throw new InputError('unknown-certificate-type', `No certificate type ${code}`, {
        errors: [{ path: '/typeCode', message: 'unknown certificate type' }],
      })
    return type
  }

  /** Inserts in `trx` when given (the caller's transaction), else in a transaction of its own. */
  private async insert(
    type: CertificateType,
    input: CertificateIssue,
    trx?: Knex.Transaction,
  ): Promise<{ certificate: Certificate; created: boolean }> {
    const problems: FieldProblem[] = []
    const idNumber = checkHolderId(input.holder.idType, input.holder.idNumber, '/holder/idNumber', problems)
    const validFrom = input.validFrom ?? input.issuedOn
    if (input.validUntil !== undefined && input.validUntil < validFrom)
      problems.push({ path: '/validUntil', message: 'must not be before the start of validity' })
    problems.push(...this.faces.problems(type.code, type.faceSchema, input.faceData))
    if (problems.length > 0)
      throw new InputError('certificate-invalid', 'The certificate is invalid', { errors: problems })

    const issuer = await findDepartment(this.db, type.issuerDepartment)
    if (!issuer?.creditCode)
      throw new ConflictError(
        'issuer-without-credit-code',
        `${type.issuerDepartment} has no credit code to issue under`,
      )
    const id = formatCertificateId({
      typeCode: type.code,
      issuer: issuer.creditCode,
      serial: input.serial ?? newSerial(input.issuedOn),
      version: input.version ?? '001',
    })
    const write = async (trx: Knex.Transaction) => {
      const inserted = await insertCertificate(trx, {
        id,
        typeCode: type.code,
        issuerDepartment: type.issuerDepartment,
        holder: { ...input.holder, idNumber },
        issuedOn: input.issuedOn,
        validFrom,
        validUntil: input.validUntil ?? null,
        faceData: input.faceData,
      })
      if (inserted) {
        await appendEvents(trx, [
          {
            topic: CERTIFICATE_TOPIC,
            key: id,
            type: 'certificate.issued',
            payload: {
              id,
              typeCode: type.code,
              issuerDepartment: type.issuerDepartment,
            } satisfies CertificateEvent,
          },
        ])
      }
      return inserted
    }
    const created = trx ? await write(trx) : await this.db.transaction(write)
    return { certificate: toCertificate((await findCertificate(trx ?? this.db, id))!), created }
  }
}

/** A denied write is a 403, on the audit trail before it is thrown. */
async function enforce(ctx: RequestContext, decision: Decision, event: RefusalEvent): Promise<void> {
  if (!decision.allowed)
    throw await ctx.audit.refused(
      new NotAllowedError(decision.reason, 'Not allowed for this certificate'),
      event,
    )
}

function notFound(id: string): NotFoundError {
  return new NotFoundError('certificate-not-found', `No certificate ${id}`)
}

/** A certificate the caller may not see: answered like one that does not exist, audited as what it is. */
function hidden(id: string): NotFoundError {
  return new NotFoundError('certificate-not-found', `No certificate ${id}`, {
    auditReason: 'certificate-not-visible',
  })
}

export interface CertificateListRequest {
  /** The issuing department; the caller's own when omitted. */
  issuer?: string
  type?: string
  status?: Certificate['status']
  limit: number
  cursor?: string
}

const { encode: encodeListCursor, decode: decodeListCursor } = cursorCodec<{ issuedOn: string; id: string }>({
  write: (at) => JSON.stringify([at.issuedOn, at.id]),
  read: (text) => {
    const [issuedOn, id] = JSON.parse(text) as unknown[]
    return typeof issuedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issuedOn) && typeof id === 'string'
      ? { issuedOn, id }
      : undefined
  },
})
