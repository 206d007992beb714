import { ConflictError, NotFoundError } from '../../platform/errors/app-error.ts'
import { mapUniqueViolation } from '../../platform/errors/unique-violation.ts'

/** The errors of the 事项 catalog that more than one module raises. */

export const serviceItemNotFound = (code: string) =>
  new NotFoundError('service-item-not-found', `No service item has code ${code}`)

export const serviceItemExists = (code: string) =>
  new ConflictError('service-item-exists', `A service item with code ${code} already exists`, {
    errors: [{ path: '/body/code', message: `${code} already exists` }],
  })

export const maintainedByProvince = (code: string) =>
  new ConflictError(
    'service-item-maintained-by-province',
    `Service item ${code} is maintained by the provincial platform (事项动态同步) and synced from there: change it at the province, or (admins) send "overrideProvince": true to maintain it in the hub from now on`,
  )

export const serviceItemRetired = (code: string) =>
  new ConflictError('service-item-retired', `Service item ${code} is retired and can no longer change`)

/** A pre-check can lose a race with a concurrent create; the primary key still holds. */
export async function translateDuplicate<T>(code: string, write: () => Promise<T>): Promise<T> {
  return mapUniqueViolation(write, (constraint) =>
    constraint === 'service_items_pkey' ? serviceItemExists(code) : undefined,
  )
}
