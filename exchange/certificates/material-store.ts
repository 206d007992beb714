import type { Knex } from 'knex'
import type { ServiceItemMaterial } from '../../schemas/generated/types.ts'

/** The SQL of `service_item_materials`. */

type Db = Knex | Knex.Transaction

export interface MaterialRow {
  service_item_code: string
  material_code: string
  name: string
  required: boolean
  certificate_types: string[]
  resource_codes: string[]
}

export const toMaterial = (row: MaterialRow): ServiceItemMaterial => ({
  serviceItemCode: row.service_item_code,
  materialCode: row.material_code,
  name: row.name,
  required: row.required,
  certificateTypes: row.certificate_types,
  resourceCodes: row.resource_codes,
})

export async function listMaterials(db: Db, serviceItemCode: string): Promise<ServiceItemMaterial[]> {
  const rows = (await db('service_item_materials')
    .where({ service_item_code: serviceItemCode })
    .orderBy('material_code')) as MaterialRow[]
  return rows.map(toMaterial)
}

export async function upsertMaterial(
  db: Db,
  serviceItemCode: string,
  materialCode: string,
  input: {
    name: string
    required: boolean
    certificateTypes: readonly string[]
    resourceCodes: readonly string[]
  },
): Promise<ServiceItemMaterial> {
  const row = {
    service_item_code: serviceItemCode,
    material_code: materialCode,
    name: input.name,
    required: input.required,
    certificate_types: input.certificateTypes,
    resource_codes: input.resourceCodes,
  }
  const [saved] = (await db('service_item_materials')
    .insert(row)
    .onConflict(['service_item_code', 'material_code'])
    .merge({ ...row, updated_at: db.fn.now() })
    .returning('*')) as MaterialRow[]
  return toMaterial(saved!)
}

export async function deleteMaterial(
  db: Db,
  serviceItemCode: string,
  materialCode: string,
): Promise<boolean> {
  const n = await db('service_item_materials')
    .where({ service_item_code: serviceItemCode, material_code: materialCode })
    .delete()
  return n > 0
}
