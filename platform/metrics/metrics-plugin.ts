import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: HubMetrics
  }
}

/**
 * The app's own Prometheus registry (not prom-client's global one, so several apps can live in
 * one process, as they do in tests). Other plugins add gauges to `registry`.
 */
export interface HubMetrics {
  registry: Registry
}

export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const registry = new Registry()
    collectDefaultMetrics({ register: registry, prefix: 'hub_process_' })
    const requests = new Counter({
      name: 'hub_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    })
    const latency = new Histogram({
      name: 'hub_http_request_duration_seconds',
      help: 'HTTP request latency from arrival to response, by method and route template',
      labelNames: ['method', 'route'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    })
    app.decorate('metrics', { registry })

    app.addHook('onResponse', (request, reply, done) => {
      // The route template, never the raw URL: raw URLs would carry identifiers and explode cardinality.
      const route = request.routeOptions.url ?? 'unmatched'
      requests.inc({ method: request.method, route, status: String(reply.statusCode) })
      latency.observe({ method: request.method, route }, reply.elapsedTime / 1000)
      done()
    })
  },
  { name: 'metrics' },
)
