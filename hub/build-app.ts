import { randomUUID } from 'node:crypto'
import { AjvCompiler } from '@fastify/ajv-compiler'
import cookie from '@fastify/cookie'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify'
import { adaptersPlugin } from '../adapters/adapters-plugin.ts'
import { auditPlugin } from '../audit/audit-plugin.ts'
import { requestContextPlugin } from '../audit/request-context-plugin.ts'
import { authPlugin } from '../platform/auth/auth-plugin.ts'
import { SessionService } from '../platform/auth/session-service.ts'
import { SessionStore } from '../platform/auth/session-store.ts'
import type { TokenVerifier } from '../platform/auth/token-verifier.ts'
import type { HubConfig } from '../platform/config/config.ts'
import { dbPlugin } from '../platform/db/db-plugin.ts'
import { RateLimitedError } from '../platform/errors/app-error.ts'
import { eventsPlugin } from '../platform/events/events-plugin.ts'
import { clientErrorHandler, frameworkErrors, installErrorHandling } from '../platform/http/error-handler.ts'
import { registerFeatures } from '../platform/http/hub-feature.ts'
import { installInputGuard } from '../platform/http/input-guard.ts'
import { jobsPlugin } from '../platform/jobs/jobs-plugin.ts'
import { loggableUrl } from '../platform/logging/redact.ts'
import { metricsPlugin } from '../platform/metrics/metrics-plugin.ts'
import { redisPlugin } from '../platform/redis/redis-plugin.ts'
import { loadSchemaFiles } from '../platform/schemas/schema-catalog.ts'
import { webhooksPlugin } from '../platform/webhooks/webhooks-plugin.ts'
import type { AbilityService } from '../policies/ability-service.ts'
import { HUB_FEATURES } from './features.ts'
import { createServices, type HubServices } from './services.ts'

declare module 'fastify' {
  interface FastifyInstance {
    config: HubConfig
    /** Builds every response serializer not built yet (a long-running hub, after it listens). */
    warmSerializers(): Promise<void>
  }
}

export interface AppOptions {
  config: HubConfig
  verifier: TokenVerifier
  logger?: FastifyServerOptions['logger']
  /** `ADAPTER_*` settings for the department adapters (default: those in `config.adapters`). */
  adapterEnv?: Record<string, string | undefined>
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/

const AJV_OPTIONS = { removeAdditional: false, allErrors: true, useDefaults: true } as const

/**
 * Two validators: query strings, path parameters and headers arrive as text, so they are coerced to
 * the declared types; JSON bodies already carry types, so `true` never becomes `"true"` or `1` and
 * `["x"]` never becomes `"x"`.
 */
type CompilerArgs = Parameters<ReturnType<typeof AjvCompiler>>

function buildValidator(externalSchemas: CompilerArgs[0]): ReturnType<ReturnType<typeof AjvCompiler>> {
  const text = AjvCompiler()(externalSchemas, {
    customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' },
  })
  const json = AjvCompiler()(externalSchemas, {
    customOptions: { ...AJV_OPTIONS, coerceTypes: false },
  })
  return (route) => (route.httpPart === 'body' ? json(route) : text(route))
}

type SerializerFactory = ReturnType<typeof SerializerSelector>

/**
 * Response serializers built on a route's first answer, not when the route is added: fast-json-stringify
 * checks each response schema, with every shared schema, against the JSON Schema meta-schema as it
 * builds — seconds of CPU at each start for the hub's routes, most of which a short-lived process (a
 * test file, a CLI command) never answers. A long-running hub builds them all after it listens
 * (`warmSerializers`), so a schema error still shows at start and no first answer waits.
 */
export function lazySerializers(pending: Set<() => unknown>): SerializerFactory {
  const selector = SerializerSelector()
  return (externalSchemas, serializerOpts) => {
    const compile = selector(externalSchemas, serializerOpts)
    return (route) => {
      let serialize: ((data: unknown) => string) | undefined
      const build = () => {
        pending.delete(build)
        serialize ??= compile(route)
        return serialize
      }
      pending.add(build)
      return (data: unknown) => (serialize ?? build())(data)
    }
  }
}

export const API_TAGS = [
  { name: 'directory', description: 'Information resources: register, review, publish, search' },
  { name: 'access', description: 'Access requests and grants' },
  { name: 'exchange', description: 'Authorized fetches through department adapters' },
  { name: 'cases', description: 'Case (办件) data in real time' },
  { name: 'certificates', description: 'Electronic certificates (电子证照)' },
  {
    name: 'quality',
    description:
      'Data objections (数据异议与校核): raise, check and answer, escalate; quality figures per provider',
  },
  { name: 'audit', description: 'Audit trail for security officers' },
  { name: 'admin', description: 'Hub operation: departments, keys, adapters, jobs' },
  { name: 'system', description: 'Health, readiness, metrics and identity' },
]

/**
 * Builds the hub's HTTP app (not listening). Infrastructure comes first as named plugins, each
 * closing what it opened; feature routes register last. Tests call this and use `app.inject`.
 */
export async function buildApp({
  config,
  verifier,
  logger = false,
  adapterEnv,
}: AppOptions): Promise<FastifyInstance> {
  if (!config.databaseUrl)
    throw new Error('buildApp: config.databaseUrl must be resolved before building the app')
  const auditSubjectKey = config.audit.subjectKey
  if (!auditSubjectKey)
    throw new Error('buildApp: config.audit.subjectKey must be resolved before building the app')
  const serializers = new Set<() => unknown>()
  const app = Fastify({
    logger:
      logger === true
        ? {
            level: config.logLevel,
            redact: ['req.headers.authorization'],
            serializers: {
              req: (req: { method: string; url: string }) => ({
                method: req.method,
                url: loggableUrl(req.url),
              }),
            },
          }
        : logger,
    bodyLimit: config.limits.bodyLimitBytes,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    },
    schemaController: { compilersFactory: { buildValidator, buildSerializer: lazySerializers(serializers) } },
    frameworkErrors,
    clientErrorHandler,
  })
  app.decorate('config', config)
  app.decorate('warmSerializers', async () => {
    // One at a time between other work: the event loop keeps answering while they are built.
    for (const build of [...serializers]) {
      build()
      await new Promise((resolve) => setImmediate(resolve))
    }
  })
  // JSON only: text/plain bodies are a caller mistake (415), not something to guess at.
  app.removeContentTypeParser('text/plain')
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  installErrorHandling(app)
  installInputGuard(app)

  await app.register(metricsPlugin)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Data Exchange Hub',
        description:
          'Government data-sharing exchange hub and information-resource directory. Errors are RFC 9457 problem+json with a stable `code`.',
        version: '0.1.0',
      },
      tags: API_TAGS,
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (json.title as string | undefined) ?? `def-${i}`,
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } })
  for (const { schema } of loadSchemaFiles()) app.addSchema(schema)

  await app.register(dbPlugin, { connectionString: config.databaseUrl })
  await app.register(redisPlugin, { url: config.redisUrl })
  await app.register(eventsPlugin, { config })
  await app.register(jobsPlugin, { config, prefix: config.jobs.queuePrefix })
  await app.register(adaptersPlugin, { env: adapterEnv ?? config.adapters })
  await app.register(webhooksPlugin)
  // Console sessions (cookie `hub_session`) are accepted beside bearer tokens; see console/.
  const sessions = new SessionService({ store: new SessionStore(app.db), ...config.console.session })
  await app.register(cookie)
  await app.register(authPlugin, { verifier, sessions })

  // Per-instance counting by default: the shared Redis counter costs a round trip on every request
  // (about a quarter of the CPU of a cheap request, bench/http.bench.ts). Grant limits on data are
  // always counted in Redis by the exchange; this limit only guards the API against floods.
  const redis = config.limits.rateLimitShared ? app.redis : null
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: config.limits.rateLimitPerMinute,
    timeWindow: 60_000,
    // Under the hub's Redis prefix, like the grant counters: hubs sharing one Redis count apart.
    nameSpace: `${config.jobs.queuePrefix}:hub-rate-limit:`,
    // Per principal once authenticated; public routes are exempt (config.rateLimit: false).
    keyGenerator: (request) => request.principal?.subject ?? request.ip,
    ...(redis ? { redis, skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(
        'rate-limited',
        `Rate limit of ${context.max} requests per minute exceeded; retry in ${context.after}`,
      ),
  })

  // The audit trail is infrastructure too: every feature and the error handler record through it.
  await app.register(auditPlugin, { subjectKey: Buffer.from(auditSubjectKey) })

  // Services, built once on the infrastructure; then every feature in the one ordered list.
  const services = await createServices(app, { sessions })
  exposeServices(app, services)
  // The request context before any feature: every route passes `request.ctx` to its service.
  await app.register(requestContextPlugin)
  await registerFeatures(app, HUB_FEATURES, services)
  return app
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every domain service, built once by `createServices` (hub/services.ts). */
    services: HubServices
    /** The per-principal ability cache (policies/), reading grants and epochs from PostgreSQL. */
    abilities: AbilityService
  }
}

/**
 * What the start path, CLIs, benchmarks and tests reach on the app: all services as `app.services`,
 * and the names they have always used for a few of them.
 */
function exposeServices(app: FastifyInstance, services: HubServices): void {
  app.decorate('services', services)
  app.decorate('abilities', services.abilities)
  app.decorate('hubSync', services.hubSync)
  app.decorate('objections', services.objections)
  app.decorate('serviceItems', services.serviceItems)
  app.decorate('certificates', services.certificates)
  app.decorate('caseExchange', services.caseExchange)
  const { service, runner, deliverer } = services.subscriptions
  app.decorate('subscriptions', { service, runner, deliverer })
}
