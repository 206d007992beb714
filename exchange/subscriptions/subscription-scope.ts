import type { Knex } from 'knex'
import { type GrantRow, toGrantFacts } from '../../directory/grants/grant-store.ts'
import type { GrantFacts } from '../../policies/ability.ts'
import { type PublishedResource, publishedResource } from '../fetch/fetch-source-read-model.ts'
import type { KindFields } from '../fetch/record-source.ts'
import { deliveredItems, type ProjectionSource } from './subscription-projection.ts'
import type { SubscriptionRow } from './subscription-store.ts'

/** What a subscription lets out now: its grant, the items delivered and how to read the record kind. */
export interface DeliveryScope {
  grant: GrantFacts
  items: string[]
  source: ProjectionSource
}

/** The subscription's grant, FOR SHARE: a revocation waits until this delivery has committed. */
export async function lockGrant(trx: Knex.Transaction, sub: SubscriptionRow): Promise<GrantFacts> {
  return toGrantFacts((await trx('grants').where({ id: sub.grant_id }).forShare().first()) as GrantRow)
}

export function deliveryScope(
  grant: GrantFacts,
  resource: PublishedResource,
  kind: string,
  fieldsOf: KindFields,
): DeliveryScope {
  return {
    grant,
    items: deliveredItems(grant, resource.items),
    source: {
      kind,
      fields: fieldsOf(`records/${kind}.json`),
      itemFields: resource.explicit?.itemFields ?? null,
    },
  }
}

/**
 * For sending records again on request (dead-letter replay, reconciliation): the scope under a grant
 * that is active and not past its end, on a resource still published; otherwise why nothing goes out.
 */
export async function resendScope(
  trx: Knex.Transaction,
  sub: SubscriptionRow,
  fieldsOf: KindFields,
): Promise<DeliveryScope | { refused: 'grant-not-usable' | 'resource-not-found' }> {
  const grant = await lockGrant(trx, sub)
  if (grant.status !== 'active' || grant.validUntil.getTime() <= Date.now())
    return { refused: 'grant-not-usable' }
  const resource = await publishedResource(trx, sub.resource_code)
  if (!resource) return { refused: 'resource-not-found' }
  return deliveryScope(grant, resource, sub.record_kind, fieldsOf)
}
