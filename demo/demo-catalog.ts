import type { Knex } from 'knex'
import { seedDemoResources } from '../directory/resources/resource-demo-seed.ts'
import { seedDemoServiceItems } from '../directory/service-items/service-item-demo-seed.ts'
import { seedDemoCertificates } from '../exchange/certificates/demo-certificates.ts'
import { seedDemoData } from './demo-seed.ts'

/**
 * The demo's catalog, in the order its parts refer to each other: departments, resources,
 * certificate types (and, when asked, demo holders' certificates), then the service items (事项)
 * whose materials map to those types and resources, and one hub-held resource so the sync jobs
 * have something to pull. Idempotent: start-up runs it on every start.
 */
export async function seedDemoCatalog(db: Knex, { holders = 0 }: { holders?: number } = {}): Promise<void> {
  await seedDemoData(db)
  await seedDemoResources(db)
  // In the running demo the certificates come from the department systems' feeds (holders: 0).
  await seedDemoCertificates(db, { holders })
  await seedDemoServiceItems(db)
  await db('resource_sources')
    .insert({
      resource_code: '203001/00001',
      adapter: 'hrss',
      record_kind: 'social-insurance-contribution',
      hub_held: true,
    })
    .onConflict('resource_code')
    .ignore()
}
