import type { HubFeature } from '../../platform/http/hub-feature.ts'
import { type DepartmentServices, departmentRoutes } from './department-routes.ts'

/** Departments: read by everyone authenticated, registered and changed by admins. */
export const departmentFeature: HubFeature<DepartmentServices> = {
  name: 'departments',
  routes: departmentRoutes,
}
