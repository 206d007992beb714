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

/**
 * Errors raised by fastify itself (parsing, limits, content type) mapped to stable codes. Details are
 * fixed text: fastify's messages quote the caller's content type, URL or JSON, which must not be echoed.
 */
const FRAMEWORK_ERRORS: Record<string, FastifyFrameworkMapping> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: 'The request body must be application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid-content-length',
    title: 'Invalid input',
    detail: 'The Content-Length header does not match the body',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'body-too-large',
    title: 'Payload too large',
    detail: 'The request body is larger than the hub accepts',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed-json',
    title: 'Invalid input',
    detail: 'The request body is empty but the content type is application/json',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed-json',
    title: 'Invalid input',
    detail: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: 'The request has a body but no Content-Type',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    title: 'Unsupported media type',
    detail: 'The Content-Type header is malformed',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad-url',
    title: 'Bad request',
    detail: 'The URL is not valid percent-encoded UTF-8',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'uri-too-long',
    title: 'URI too long',
    detail: 'A path segment of the URL is longer than the hub accepts',
  },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'bad-request', title: 'Bad request' },
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

/**
 * The path the problem occurred at, without the query string; a path that is long or not plain text
 * (percent-encoded bytes, control characters) is named by its route instead, so nothing raw is echoed.
 */
export function problemInstance(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '/'
  if (path.length <= 256 && /^[A-Za-z0-9\-._~/]*$/.test(path)) return path
  return request.routeOptions?.url ?? '/'
}

/** Turns anything thrown in a request into a problem document; unknown errors become an opaque 500. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const base = { instance: problemInstance(request), requestId: request.id }
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
      detail: mapped.detail ?? 'The request could not be processed',
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
      detail: 'The request could not be processed',
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
