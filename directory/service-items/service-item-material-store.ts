import type { Knex } from 'knex'
import type { ServiceItemMaterial } from '../../schemas/generated/types.ts'

/** The SQL of `service_item_materials`: the materials (材料) of the current version of each item. */

type Db = Knex | Knex.Transaction

export interface MaterialRow {
  service_item_code: string
  material_code: string
  name: string
  required: boolean
  paper_copies: number
  certificate_types: string[]
  resource_codes: string[]
}

/** The columns read models select to build a material with `toMaterial`. */
export const MATERIAL_COLUMNS = [
  'material_code',
  'name',
  'required',
  'paper_copies',
  'certificate_types',
  'resource_codes',
] as const

export const toMaterial = (row: MaterialRow): ServiceItemMaterial => ({
  serviceItemCode: row.service_item_code,
  materialCode: row.material_code,
  name: row.name,
  required: row.required,
  paperCopies: row.paper_copies,
  certificateTypes: row.certificate_types,
  resourceCodes: row.resource_codes,
})

export async function listMaterials(db: Db, serviceItemCode: string): Promise<ServiceItemMaterial[]> {
  const rows = (await db('service_item_materials')
    .where({ service_item_code: serviceItemCode })
    .orderBy('material_code')) as MaterialRow[]
  return rows.map(toMaterial)
}

/** Replaces the whole material list of the given items (their next version). */
export async function replaceMaterials(
  trx: Db,
  materials: ReadonlyMap<string, readonly ServiceItemMaterial[]>,
): Promise<void> {
  if (materials.size === 0) return
  await trx('service_item_materials')
    .whereIn('service_item_code', [...materials.keys()])
    .delete()
  const rows = [...materials.values()].flat().map((m) => ({
    service_item_code: m.serviceItemCode,
    material_code: m.materialCode,
    name: m.name,
    required: m.required,
    paper_copies: m.paperCopies,
    certificate_types: m.certificateTypes,
    resource_codes: m.resourceCodes,
  }))
  if (rows.length > 0) await trx('service_item_materials').insert(rows)
}
