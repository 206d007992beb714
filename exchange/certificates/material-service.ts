import type { Knex } from 'knex'
import { InputError, NotAllowedError, NotFoundError } from '../../platform/errors/app-error.ts'
import { canManageMaterials } from '../../policies/certificate-policy.ts'
import type {
  Principal,
  ServiceItemMaterial,
  ServiceItemMaterialList,
  ServiceItemMaterialPut,
} from '../../schemas/generated/types.ts'
import { findServiceItem } from '../cases/service-item-store.ts'
import { existingTypeCodes } from './certificate-type-store.ts'
import { deleteMaterial, listMaterials, upsertMaterial } from './material-store.ts'

/** The materials (材料) of service items (事项) and what can replace each paper material. */
export class MaterialService {
  constructor(private readonly db: Knex) {}

  async list(serviceItemCode: string): Promise<ServiceItemMaterialList> {
    await this.serviceItem(serviceItemCode)
    return { serviceItemCode, items: await listMaterials(this.db, serviceItemCode) }
  }

  async put(
    principal: Principal,
    serviceItemCode: string,
    materialCode: string,
    input: ServiceItemMaterialPut,
  ): Promise<ServiceItemMaterial> {
    const decision = canManageMaterials(principal)
    if (!decision.allowed)
      throw new NotAllowedError(decision.reason, 'Only hub admins manage service-item materials')
    await this.serviceItem(serviceItemCode)
    const types = input.certificateTypes?.map((t) => t.toUpperCase()) ?? []
    const known = await existingTypeCodes(this.db, types)
    const unknown = types.flatMap((t, i) =>
      known.has(t) ? [] : [{ path: `/certificateTypes/${i}`, message: 'unknown certificate type' }],
    )
    if (unknown.length > 0)
      throw new InputError('unknown-certificate-type', 'Some certificate types are not registered', {
        errors: unknown,
      })
    return upsertMaterial(this.db, serviceItemCode, materialCode, {
      name: input.name,
      required: input.required,
      certificateTypes: types,
      resourceCodes: input.resourceCodes ?? [],
    })
  }

  async remove(principal: Principal, serviceItemCode: string, materialCode: string): Promise<void> {
    const decision = canManageMaterials(principal)
    if (!decision.allowed)
      throw new NotAllowedError(decision.reason, 'Only hub admins manage service-item materials')
    if (!(await deleteMaterial(this.db, serviceItemCode, materialCode)))
      throw new NotFoundError(
        'material-not-found',
        `Service item ${serviceItemCode} has no material ${materialCode}`,
      )
  }

  private async serviceItem(code: string): Promise<void> {
    if (!(await findServiceItem(this.db, code)))
      throw new NotFoundError('service-item-not-found', `No service item ${code}`)
  }
}
