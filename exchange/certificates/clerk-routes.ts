import type { FastifyInstance } from 'fastify'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { CertificateFetchRequest } from '../../schemas/generated/types.ts'
import type { CertificateFacade } from './certificate-services.ts'

/** The window clerk's certificate fetch for a case (the materials themselves are the 事项 catalog's). */

const str = (description: string) => ({ type: 'string', minLength: 1, maxLength: 64, description })
const params = (props: Record<string, { description: string }>) => ({
  type: 'object',
  required: Object.keys(props),
  additionalProperties: false,
  properties: props,
})
const caseParams = params({ caseNumber: str('The case number.') })
const caseMaterialParams = params({
  caseNumber: str('The case number.'),
  materialCode: str('The material code.'),
})

export async function clerkRoutes(
  app: FastifyInstance,
  { services }: { services: { certificates: CertificateFacade } },
): Promise<void> {
  const { clerk } = services.certificates
  const tags = ['certificates']

  app.get<{ Params: { caseNumber: string } }>(
    '/v1/cases/:caseNumber/shareable-materials',
    {
      schema: {
        tags,
        operationId: 'listShareableMaterials',
        summary: 'Which required materials of a case can be obtained by sharing, and which already were',
        params: caseParams,
        response: {
          200: ref('certificate-shareable-materials.json'),
          ...problemResponses(...AUTHENTICATED_ERRORS, 404),
        },
      },
    },
    async (request) => clerk.shareableMaterials(request.ctx, request.params.caseNumber),
  )

  app.post<{
    Params: { caseNumber: string; materialCode: string }
    Body: CertificateFetchRequest | undefined
  }>(
    '/v1/cases/:caseNumber/materials/:materialCode/fetch-certificate',
    {
      schema: {
        tags,
        operationId: 'fetchCaseCertificate',
        summary: 'Fetch the applicant’s certificate for a required material of an open case; audited',
        description:
          "Send `{}` (content-type application/json) when you have no options. The hub looks the certificate up by the case's applicant (or `holder: agent`) among the types the material accepts: `found` comes with the certificate, its signed `document` (compact JWS, ES256, verifiable offline against `GET /v1/certificates/issuers/{department}/jwks`) and the hub's verification; `ambiguous` lists candidates to choose from with `certificateId`; `not-found`, `expired` and `revoked` say why there is none. Only a clerk of the case's department fetches, only while the case is open.",
        params: caseMaterialParams,
        body: ref('certificate-fetch-request.json'),
        response: {
          200: ref('certificate-fetch-result.json'),
          ...problemResponses(...WRITE_ERRORS, 404, 503),
        },
      },
    },
    async (request) =>
      clerk.fetch(request.ctx, request.params.caseNumber, request.params.materialCode, request.body ?? {}),
  )
}
