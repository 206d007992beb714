import type { ResourceSummary } from '../../schemas/generated/types.ts'

/** The shapes a catalog search is asked in, shared by the search, its cache and its route. */

export type ResourceSort = 'relevance' | 'name' | 'published'

export interface ResourceSearchQuery {
  q?: string
  class?: ResourceSummary['class']
  provider?: string
  shareType?: ResourceSummary['shareType']
  format?: string
  updateCycle?: string
  division?: string
  status?: ResourceSummary['status']
  sort?: ResourceSort
  limit: number
  cursor?: string
}
