import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { JobDefinitionOptions, JobHandler } from '../jobs/job-runner.ts'

/**
 * The infrastructure a feature's services are built on: what the infrastructure plugins put on the
 * app before any service exists (`hub/build-app.ts` registers them first). Domains add the adapter
 * registry and the audit trail from their own layers (`HubInfra & Pick<FastifyInstance, 'adapters'>`).
 */
export type HubInfra = Pick<
  FastifyInstance,
  'config' | 'db' | 'jobs' | 'events' | 'metrics' | 'log' | 'addHook'
>

/**
 * One background job of a feature: its handler, how it retries, and — for jobs that must run on a
 * schedule whenever the app is up (tests included) — how often. Schedules that only the server start
 * path sets up belong in the feature's `start`.
 */
export interface FeatureJob {
  name: string
  // biome-ignore lint/suspicious/noExplicitAny: each job's data type is its own; the runner stores it as JSON.
  handler: JobHandler<any>
  options?: JobDefinitionOptions
  /** Repeats the job this often, scheduled when the app is ready (a failure is logged: the API still comes up). */
  everyMs?: number
}

/**
 * The one shape of a feature. Each domain feature folder declares one (`<feature>-feature.ts`) and the
 * composition root lists them in order (`hub/features.ts`); `buildApp` registers them in a loop and
 * `startHub` starts them in a loop. `S` is what the feature needs from the services the composition
 * root built once (`hub/services.ts`): a feature never builds a service itself.
 */
export interface HubFeature<S> {
  /** Short and unique; names the feature in logs and errors. */
  readonly name: string
  /** The feature's HTTP routes: an encapsulated fastify plugin given the services. */
  readonly routes?: FastifyPluginAsync<{ services: S }>
  /** Background jobs, defined before the app is ready (workers only run on the server start path). */
  jobs?(services: S, app: FastifyInstance): FeatureJob[]
  /** Starts background work (consumers, schedules, loops); called by `startHub` after `app.ready()`. */
  start?(services: S, app: FastifyInstance): Promise<void>
  /**
   * Stops what `start` started and closes what the feature's services hold open. Runs before the
   * app closes its pool, producer and audit writer (fastify `preClose`), in feature order.
   */
  stop?(services: S): Promise<void>
}

/** Registers the features on the app (routes, jobs, schedules, stop hooks), in list order. */
export async function registerFeatures<S>(
  app: FastifyInstance,
  features: readonly HubFeature<S>[],
  services: S,
): Promise<void> {
  for (const feature of features) {
    for (const job of feature.jobs?.(services, app) ?? []) {
      app.jobs.define(job.name, job.handler, job.options)
      const everyMs = job.everyMs
      if (everyMs !== undefined)
        app.addHook('onReady', async () => {
          try {
            await app.jobs.repeat(job.name, {}, everyMs)
          } catch (error) {
            // The API must come up with Redis away; the next start schedules it again.
            app.log.error({ err: error, feature: feature.name }, `the ${job.name} job could not be scheduled`)
          }
        })
    }
    const stop = feature.stop
    if (stop) app.addHook('preClose', async () => stop(services))
    if (feature.routes) await app.register(feature.routes, { services })
  }
}

/** Starts every feature's background work, in list order. */
export async function startFeatures<S>(
  app: FastifyInstance,
  features: readonly HubFeature<S>[],
  services: S,
): Promise<void> {
  for (const feature of features) await feature.start?.(services, app)
}
