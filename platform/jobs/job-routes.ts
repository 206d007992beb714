import type { FastifyInstance } from 'fastify'

/**
 * Operator view of dead-lettered background jobs: list them and put one back after fixing its cause.
 * Admin only; the auth layer enforces `config.roles`.
 */

interface ListQuery {
  queue?: string
  limit: number
}

interface RetryParams {
  queue: string
  id: string
}

const problem = { $ref: 'problem.json#' }

export async function jobRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: ListQuery }>(
    '/v1/admin/jobs/dead-letters',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        operationId: 'listDeadLetterJobs',
        summary: 'List background jobs that failed on every attempt',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            queue: { type: 'string', description: 'Only this queue (job name); all queues when omitted.' },
            limit: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 100,
              description: 'Most jobs returned.',
            },
          },
        },
        response: { 200: { $ref: 'dead-letter-list.json#' }, 400: problem, 401: problem, 403: problem },
      },
    },
    async (request) => {
      return { items: await app.jobs.deadLetters(request.query.queue, request.query.limit) }
    },
  )

  app.post<{ Params: RetryParams }>(
    '/v1/admin/jobs/dead-letters/:queue/:id/retry',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        operationId: 'retryDeadLetterJob',
        summary: 'Put a dead-lettered job back in its queue with a fresh set of attempts',
        params: {
          type: 'object',
          required: ['queue', 'id'],
          additionalProperties: false,
          properties: {
            queue: { type: 'string', description: 'The queue (job name) of the dead letter.' },
            id: { type: 'string', description: 'The job id.' },
          },
        },
        response: {
          204: { type: 'null', description: 'The job is queued again.' },
          401: problem,
          403: problem,
          404: problem,
        },
      },
    },
    async (request, reply) => {
      await app.jobs.retryDeadLetter(request.params.queue, request.params.id)
      return reply.code(204).send()
    },
  )
}
