/**
 * The department adapters this build of the hub knows. The one place a department is named; the
 * core receives this list and builds a registry from configuration (`buildAdapterRegistry`).
 */
import type { AdapterModule } from './adapter-contract.ts'
import { housingAdminAdapterModule } from './housing-admin/housing-admin-adapter.ts'
import { housingFundAdapterModule } from './housing-fund/housing-fund-adapter.ts'
import { hrssAdapterModule } from './hrss/hrss-adapter.ts'
import { provinceAdapterModule } from './province/province-adapter.ts'
import { realEstateAdapterModule } from './real-estate/real-estate-adapter.ts'

export const installedAdapters: readonly AdapterModule[] = [
  hrssAdapterModule,
  housingFundAdapterModule,
  realEstateAdapterModule,
  housingAdminAdapterModule,
  provinceAdapterModule,
]
