import type { FastifyInstance } from 'fastify'
import { reportWindow } from '../../platform/calendar/report-window.ts'
import { InputError, NotAllowedError } from '../../platform/errors/app-error.ts'
import { idempotencyHeaders } from '../../platform/http/idempotency.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import { canRotateKeys, statsScope } from '../../policies/certificate-policy.ts'
import type {
  CertificateIssue,
  CertificateStatusChange,
  CertificateTypeCreate,
  CertificateVerifyRequest,
} from '../../schemas/generated/types.ts'
import type { CertificateListRequest } from './certificate-service.ts'
import type { CertificateFacade } from './certificate-services.ts'
import { materialsAvoided } from './materials-avoided-read-model.ts'

/** Certificate directory, signing keys, verification and the materials-avoided statistics. */

const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 120, description: 'The certificate identifier (1.2.156.3005.2.…).' },
  },
}

const departmentParams = {
  type: 'object',
  required: ['department'],
  additionalProperties: false,
  properties: { department: { type: 'string', maxLength: 32, description: 'The issuing department code.' } },
}

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    issuer: {
      type: 'string',
      maxLength: 32,
      description: "The issuing department; the caller's own by default.",
    },
    type: { type: 'string', maxLength: 32, description: 'Only certificates of this type code.' },
    status: {
      type: 'string',
      enum: ['valid', 'suspended', 'revoked', 'expired'],
      description: 'Only certificates with this status today.',
    },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Page size.' },
    cursor: { type: 'string', maxLength: 400, description: 'The `nextCursor` of the previous page.' },
  },
}

const windowQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      type: 'string',
      format: 'date-time',
      description: 'Cases accepted at or after this instant; default 30 days before `to`.',
    },
    to: {
      type: 'string',
      format: 'date-time',
      description: 'Cases accepted before this instant; default now.',
    },
  },
}

export async function certificateRoutes(
  app: FastifyInstance,
  { services }: { services: { certificates: CertificateFacade } },
): Promise<void> {
  const { service, documents, signer } = services.certificates
  const tags = ['certificates']

  app.get(
    '/v1/certificates/types',
    {
      schema: {
        tags,
        operationId: 'listCertificateTypes',
        summary: 'All certificate types',
        response: { 200: ref('certificate-type-list.json'), ...problemResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    async () => service.listTypes(),
  )

  app.post<{ Body: CertificateTypeCreate }>(
    '/v1/certificates/types',
    {
      schema: {
        tags,
        operationId: 'registerCertificateType',
        summary: 'Register a certificate type (admin, or the issuing department’s steward)',
        body: ref('certificate-type-create.json'),
        response: { 201: ref('certificate-type.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.registerType(request.ctx, request.body)),
  )

  app.post<{ Body: CertificateIssue; Headers: { 'idempotency-key'?: string } }>(
    '/v1/certificates',
    {
      schema: {
        tags,
        operationId: 'issueCertificate',
        summary: 'Issue a certificate of a type the caller’s department issues; answers it signed',
        headers: idempotencyHeaders,
        body: ref('certificate-issue.json'),
        response: { 201: ref('certificate-signed.json'), ...problemResponses(...WRITE_ERRORS, 503) },
      },
    },
    async (request, reply) => {
      const { signed, replayed } = await service.issue(
        request.ctx,
        request.body,
        request.headers['idempotency-key'],
      )
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).header('location', `/v1/certificates/${signed.certificate.id}`).send(signed)
    },
  )

  app.get<{ Querystring: CertificateListRequest }>(
    '/v1/certificates',
    {
      schema: {
        tags,
        operationId: 'listCertificates',
        summary: "One issuer's certificates, newest first (its issuing roles and hub oversight; audited)",
        querystring: listQuery,
        response: { 200: ref('certificate-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => service.list(request.ctx, request.query),
  )

  app.get<{ Params: { id: string } }>(
    '/v1/certificates/:id',
    {
      schema: {
        tags,
        operationId: 'getCertificate',
        summary: 'One certificate, signed (its issuer and hub oversight only)',
        params: idParams,
        response: {
          200: ref('certificate-signed.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS, 404, 503),
        },
      },
    },
    async (request) => service.get(request.ctx, request.params.id),
  )

  app.post<{ Params: { id: string }; Body: CertificateStatusChange }>(
    '/v1/certificates/:id/status',
    {
      schema: {
        tags,
        operationId: 'changeCertificateStatus',
        summary: 'Suspend, reinstate or revoke a certificate (its issuer only), with a reason',
        params: idParams,
        body: ref('certificate-status-change.json'),
        response: { 200: ref('certificate.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) => service.changeStatus(request.ctx, request.params.id, request.body),
  )

  app.get<{ Params: { department: string } }>(
    '/v1/certificates/issuers/:department/jwks',
    {
      config: { public: true, rateLimit: false },
      schema: {
        tags,
        operationId: 'getCertificateIssuerJwks',
        summary: 'Public keys an issuing department signs certificates with (current and retired)',
        security: [],
        params: departmentParams,
        response: { 200: ref('certificate-jwks.json'), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      return signer.jwks(request.params.department)
    },
  )

  app.post<{ Params: { department: string } }>(
    '/v1/certificates/issuers/:department/keys/rotate',
    {
      schema: {
        tags,
        operationId: 'rotateCertificateSigningKey',
        summary: 'Start signing with a new key; the old one stays for verification',
        params: departmentParams,
        response: {
          201: ref('certificate-signing-key.json'),
          ...problemResponses(...AUTHENTICATED_ERRORS, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const { ctx } = request
      const decision = canRotateKeys(await ctx.ability(), request.params.department)
      if (!decision.allowed)
        throw await ctx.audit.refused(
          new NotAllowedError(decision.reason, 'Not allowed to rotate this department’s keys'),
          {
            action: 'certificates.key.rotate',
            resourceType: 'signing-key',
            resourceId: request.params.department,
          },
        )
      const row = await signer.rotate(request.params.department)
      return reply.code(201).send({
        kid: row.kid,
        department: row.department_code,
        status: row.status,
        createdAt: row.created_at.toISOString(),
      })
    },
  )

  app.post<{ Body: CertificateVerifyRequest }>(
    '/v1/certificates/verify',
    {
      schema: {
        tags,
        operationId: 'verifyCertificate',
        summary: 'Verify a signed certificate document: signature, key, and current status',
        body: ref('certificate-verify-request.json'),
        response: { 200: ref('certificate-verification.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request) => documents.verify(request.body.document),
  )

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/v1/certificates/stats/materials-avoided',
    {
      schema: {
        tags,
        operationId: 'getMaterialsAvoided',
        summary: 'Paper materials replaced by sharing per service item and department, against the goals',
        description:
          'A bare call covers the cases accepted in the last 30 days. Admins and reviewers see every department; stewards and clerks their own.',
        querystring: windowQuery,
        response: {
          200: ref('certificate-materials-avoided.json'),
          ...problemResponses(400, ...AUTHENTICATED_ERRORS),
        },
      },
    },
    async (request) => {
      const { ctx } = request
      const scope = statsScope(await ctx.ability())
      if (!scope.allowed)
        throw await ctx.audit.refused(
          new NotAllowedError('stats-role-required', 'Not allowed to read these statistics'),
          { action: 'certificates.stats', resourceType: 'materials-avoided' },
        )
      const { from, to } = reportWindow(request.query)
      if (new Date(from) >= new Date(to))
        throw new InputError('bad-window', '`from` must be before `to`', {
          errors: [{ path: '/querystring/to', message: 'must be after from' }],
        })
      return materialsAvoided(app.db, { from, to, department: scope.department })
    },
  )
}
