import type { FastifyError, FastifyInstance } from 'fastify'
import { AppError } from '../errors/app-error.ts'
import { sendProblem, toProblem } from '../errors/problem.ts'

/** One error handler for the whole app: every error becomes problem+json; 5xx internals stay in the log. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request)
    const headers: Record<string, string> = error instanceof AppError ? { ...error.headers } : {}
    if (problem.status === 401) {
      headers['www-authenticate'] = `Bearer error="invalid_token", error_description="${problem.code}"`
    }
    if (problem.status >= 500) {
      request.log.error({ err: error, code: problem.code }, 'request failed')
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
      detail: `No operation ${request.method} ${request.url.split('?')[0]}`,
      code: 'route-not-found',
      instance: request.url,
      requestId: request.id,
    }),
  )
}
