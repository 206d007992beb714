import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, UnavailableError, UriTooLongError } from '../errors/app-error.ts'
import { classifyDatabaseError } from '../errors/database-errors.ts'
import { PROBLEM_CONTENT_TYPE, problemInstance, sendProblem, toProblem } from '../errors/problem.ts'

/** Longest request target the hub reads (Node refuses whole header blocks above 16 KiB with a 431). */
export const MAX_URL_LENGTH = 8192

/** Hooks that see every refusal before it is rendered (e.g. the audit of denials). */
export type RefusalHook = (error: AppError, request: FastifyRequest) => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    /** Called, and awaited, for every AppError before the problem goes out. */
    onRefusal(hook: RefusalHook): void
  }
}

/** Any thrown value as the error the caller should see: database outages and mistakes become AppErrors. */
export function normalizeError(error: unknown): unknown {
  if (error instanceof AppError) return error
  return classifyDatabaseError(error) ?? error
}

/** A problem written straight onto a socket the HTTP parser gave up on (before any routing). */
function clientErrorProblem(error: NodeJS.ErrnoException): { status: number; code: string; detail: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, code: 'headers-too-large', detail: 'The request line or headers are too large' }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, code: 'request-timeout', detail: 'The request was not received in time' }
  if (error.code === 'HPE_URI_TOO_LONG')
    return { status: 414, code: 'uri-too-long', detail: 'The URL is longer than the hub accepts' }
  return { status: 400, code: 'malformed-request', detail: 'The HTTP request could not be parsed' }
}

export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, code, detail } = clientErrorProblem(error)
  const body = JSON.stringify({
    type: `https://hub.example.gov.cn/problems/${code}`,
    title: STATUS_CODES[status] ?? 'Bad request',
    status,
    detail,
    code,
  })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
  }
  socket.destroy(error)
}

/** fastify's `frameworkErrors`: a bad URL encoding or an over-long parameter, found before routing. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id)
  sendProblem(reply, toProblem(error, request))
}

/** One error handler for the whole app: every error becomes problem+json; 5xx internals stay in the log. */
export function installErrorHandling(app: FastifyInstance): void {
  const refusalHooks: RefusalHook[] = []
  app.decorate('onRefusal', (hook: RefusalHook) => void refusalHooks.push(hook))

  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH)
      throw new UriTooLongError('uri-too-long', 'The URL is longer than the hub accepts')
  })

  app.setErrorHandler(async (thrown: FastifyError, request, reply) => {
    let error = normalizeError(thrown) as FastifyError
    if (error instanceof AppError) {
      try {
        for (const hook of refusalHooks) await hook(error, request)
      } catch (hookError) {
        // A refusal that cannot be recorded is not answered as if it had been.
        request.log.error({ err: hookError }, 'a refusal could not be recorded')
        error = new UnavailableError(
          'audit-unavailable',
          'The refusal could not be recorded; retry shortly',
          {
            headers: { 'retry-after': '5' },
          },
        ) as unknown as FastifyError
      }
    }
    const problem = toProblem(error, request)
    const headers: Record<string, string> = error instanceof AppError ? { ...error.headers } : {}
    if (problem.status === 401) {
      headers['www-authenticate'] = `Bearer error="invalid_token", error_description="${problem.code}"`
    }
    if (problem.status >= 500) {
      request.log.error({ err: thrown, code: problem.code }, 'request failed')
    } else {
      request.log.info({ code: problem.code, status: problem.status }, 'request rejected')
    }
    return sendProblem(reply, problem, headers)
  })

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: 'https://hub.example.gov.cn/problems/route-not-found',
      title: 'Not found',
      status: 404,
      detail: 'No such operation',
      code: 'route-not-found',
      instance: problemInstance(request),
      requestId: request.id,
    }),
  )
}
