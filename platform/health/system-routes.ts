import type { FastifyInstance } from 'fastify'
import type { HealthStatus } from '../../schemas/generated/types.ts'
import { pingDatabase } from '../db/db-plugin.ts'
import { AUTHENTICATED_ERRORS, problemResponses } from '../http/route-schemas.ts'
import { maskResidentId } from '../identifiers/resident-id.ts'
import { ref } from '../schemas/schema-catalog.ts'

const CHECK_TIMEOUT_MS = 2_000

type Check = HealthStatus['checks'][number]

async function timed(name: string, probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        )
      }),
    ])
    return { name, ok: true, latencyMs: Math.round(performance.now() - started) }
  } catch (error) {
    return {
      name,
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: (error as Error).message,
    }
  } finally {
    clearTimeout(timer)
  }
}

/** Liveness, readiness, Prometheus metrics, the OpenAPI document, and "who am I". */
export async function systemRoutes(app: FastifyInstance): Promise<void> {
  const publicRoute = { public: true, rateLimit: false } as const

  app.get(
    '/healthz',
    {
      config: publicRoute,
      schema: {
        operationId: 'getLiveness',
        tags: ['system'],
        summary: 'Liveness: the process is up and serving',
        security: [],
        response: { 200: ref('health-status.json') },
      },
    },
    async () => ({ status: 'ok', checks: [] }),
  )

  app.get(
    '/readyz',
    {
      config: publicRoute,
      schema: {
        operationId: 'getReadiness',
        tags: ['system'],
        summary: 'Readiness: PostgreSQL, Kafka and Redis all answer',
        description: 'Answers 503 naming each dependency that is down.',
        security: [],
        response: { 200: ref('health-status.json'), 503: ref('health-status.json') },
      },
    },
    async (_request, reply) => {
      const checks = await Promise.all([
        timed('postgresql', () => pingDatabase(app.db)),
        timed(app.events.transport.name === 'kafka' ? 'kafka' : 'events-in-process', () =>
          app.events.transport.ping(),
        ),
        timed(app.config.redisUrl ? 'redis' : 'jobs-in-process', () => app.jobs.ping()),
      ])
      const ok = checks.every((c) => c.ok)
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks })
    },
  )

  app.get(
    '/metrics',
    {
      config: publicRoute,
      schema: {
        operationId: 'getMetrics',
        tags: ['system'],
        summary: 'Prometheus metrics: request counts and latency, outbox lag, queue depth',
        security: [],
        produces: ['text/plain'],
        response: { 200: { description: 'Prometheus text exposition format', type: 'string' } },
      },
    },
    async (_request, reply) => {
      const body = await app.metrics.registry.metrics()
      return reply.type(app.metrics.registry.contentType).send(body)
    },
  )

  app.get('/openapi.json', { config: publicRoute, schema: { hide: true } }, async () => app.swagger())

  app.get(
    '/v1/whoami',
    {
      schema: {
        operationId: 'getCurrentPrincipal',
        tags: ['system'],
        summary: 'The authenticated caller, as the hub sees it',
        description:
          'The principal from the verified token: `sub`, `dept`, `roles`, `district`, and for a citizen the resident ID (`idNumber`, masked here).',
        response: { 200: ref('principal.json'), ...problemResponses(...AUTHENTICATED_ERRORS) },
      },
    },
    // The resident ID is the caller's own, but a screen or a proxy log need not show it in full.
    async (request) => {
      const { idNumber, ...principal } = request.principal
      return idNumber ? { ...principal, idNumber: maskResidentId(idNumber) } : principal
    },
  )
}
