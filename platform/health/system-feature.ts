import type { HubFeature } from '../http/hub-feature.ts'
import { systemRoutes } from './system-routes.ts'

/** Liveness, readiness, metrics and whoami. */
export const systemFeature: HubFeature<unknown> = {
  name: 'system',
  routes: systemRoutes,
}
