import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type FieldProblem } from './app-error.ts'

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: string
  instance: string
  requestId: string
  errors?: FieldProblem[]
}

const TYPE_BASE = 'https://hub.example.gov.cn/problems/'

interface FastifyFrameworkMapping {
  status: number
  code: string
  title: string
  detail?: string
}

/** Errors raised by fastify itself (parsing, limits, content type) mapped to stable codes. */
const FRAMEWORK_ERRORS: Record<string, FastifyFrameworkMapping> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    title: 'Unsupported media type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid-content-length', title: 'Invalid input' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large', title: 'Payload too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed-json',
    title: 'Invalid input',
    detail: 'The request body is empty but the content type is application/json',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-json', title: 'Invalid input' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 415, code: 'unsupported-media-type', title: 'Unsupported media type' },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, code: 'unsupported-media-type', title: 'Unsupported media type' },
}

function validationProblems(error: FastifyError): FieldProblem[] {
  const context = error.validationContext ?? 'body'
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>
    let path = `/${context}${v.instancePath}`
    if (v.keyword === 'required' && typeof params.missingProperty === 'string') {
      path = `${path}/${params.missingProperty}`
    }
    if (v.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      return { path: `${path}/${params.additionalProperty}`, message: 'is not an allowed property' }
    }
    return { path, message: v.message ?? 'is invalid' }
  })
}

/** Turns anything thrown in a request into a problem document; unknown errors become an opaque 500. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const base = { instance: request.url, requestId: request.id }
  if (error instanceof AppError) {
    return {
      type: TYPE_BASE + error.code,
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      ...base,
      ...(error.errors ? { errors: error.errors } : {}),
    }
  }
  const fe = error as FastifyError
  if (fe && Array.isArray(fe.validation)) {
    const errors = validationProblems(fe)
    return {
      type: `${TYPE_BASE}validation-failed`,
      title: 'Invalid input',
      status: 400,
      detail: `The request ${fe.validationContext ?? 'body'} failed validation: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      code: 'validation-failed',
      errors,
      ...base,
    }
  }
  const mapped = fe?.code ? FRAMEWORK_ERRORS[fe.code] : undefined
  if (mapped) {
    return {
      type: TYPE_BASE + mapped.code,
      title: mapped.title,
      status: mapped.status,
      detail: mapped.detail ?? fe.message,
      code: mapped.code,
      ...base,
    }
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Other client errors raised by fastify or a plugin: keep the status, give a generic stable code.
    return {
      type: `${TYPE_BASE}bad-request`,
      title: 'Bad request',
      status: fe.statusCode,
      detail: fe.message,
      code: 'bad-request',
      ...base,
    }
  }
  return {
    type: `${TYPE_BASE}internal`,
    title: 'Internal error',
    status: 500,
    detail: `An internal error occurred. Quote request id ${request.id} when reporting it.`,
    code: 'internal',
    ...base,
  }
}

export function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply.code(problem.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(problem)
}
