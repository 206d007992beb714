import type { EventTransport, OutboxEvent } from '../../platform/events/event-types.ts'
import type { DeliveryBatch, DeliveryTarget } from './delivery-target.ts'
import { withTombstones } from './kafka-tombstones.ts'

/** The record type on subscription topics; its payload schema is `schemas/events/subscription-record.json`. */
export const SUBSCRIPTION_RECORD_TYPE = 'subscription.record'

/** Default topic of a department's copy of a resource: `records.<dept>.<code with / as ->`. */
export function defaultTopic(department: string, resourceCode: string): string {
  return `records.${department}.${resourceCode.replace(/\//g, '-')}`
}

/**
 * Delivers to the consumer department's own topic through the hub's producer (idempotent, acks=all),
 * keyed by record id so the topic can be log-compacted: the last message per key is the record's
 * current granted copy. The event id is `<subscription>:<position>`, stable across re-deliveries.
 */
export class KafkaTarget implements DeliveryTarget {
  constructor(private readonly transport: Pick<EventTransport, 'publish'>) {}

  async deliver(batch: DeliveryBatch): Promise<void> {
    const { subscription } = batch
    const topic = subscription.topic!
    const createdAt = new Date()
    const events: OutboxEvent[] = batch.records.map((r) => ({
      id: Number(r.position),
      eventId: `${subscription.id}:${r.position}`,
      topic,
      key: r.recordId,
      type: SUBSCRIPTION_RECORD_TYPE,
      schemaVersion: 1,
      payload: {
        subscriptionId: subscription.id,
        resourceCode: subscription.resource_code,
        grantId: batch.grantId,
        recordId: r.recordId,
        position: r.position,
        items: r.items,
        // While the record is under a data objection; the next delivery after it is resolved has none.
        ...(r.objectionId ? { disputed: true, objectionId: r.objectionId } : {}),
        ...(r.deleted ? { deleted: true } : {}),
      },
      // No header of its own: the value carries the subscription id, and each header costs the
      // producer about as much as the rest of the message (bench/subscriptions.bench.ts).
      headers: {},
      createdAt,
    }))
    await this.transport.publish(withTombstones(batch.records, events))
  }
}
