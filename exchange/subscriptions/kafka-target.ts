import type { EventTransport, StreamMessage } from '../../platform/events/event-types.ts'
import type { DeliveredRecord, DeliveryBatch, DeliveryTarget } from './delivery-target.ts'
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
 * current granted copy. The event id is `<subscription>:<position>`, stable across re-deliveries; it
 * is the one header (`publishStream`): the value carries the subscription id and the type is the
 * topic's only one.
 */
export class KafkaTarget implements DeliveryTarget {
  /** Successive batches may be in flight together: the idempotent producer keeps their order per key. */
  readonly pipelined = true

  constructor(private readonly transport: Pick<EventTransport, 'publishStream'>) {}

  async deliver(batch: DeliveryBatch): Promise<void> {
    const { subscription } = batch
    const encode = recordEncoder(subscription.id, subscription.resource_code, batch.grantId)
    const messages: StreamMessage[] = batch.records.map((r) => ({
      key: r.recordId,
      eventId: `${subscription.id}:${r.position}`,
      value: encode(r),
    }))
    await this.transport.publishStream(
      subscription.topic!,
      SUBSCRIPTION_RECORD_TYPE,
      withTombstones(batch.records, messages),
    )
  }
}

/**
 * The JSON of `subscription.record` for the records of one batch: the batch's common fields are
 * serialised once, each record adds its own (the same text as `JSON.stringify` of the payload object,
 * in the schema's order, at about half the cost on a snapshot).
 */
export function recordEncoder(
  subscriptionId: string,
  resourceCode: string,
  grantId: string,
): (record: DeliveredRecord) => string {
  const head = `{"subscriptionId":${JSON.stringify(subscriptionId)},"resourceCode":${JSON.stringify(resourceCode)},"grantId":${JSON.stringify(grantId)},"recordId":`
  return (r) =>
    `${head}${JSON.stringify(r.recordId)},"position":${JSON.stringify(r.position)},"items":${JSON.stringify(r.items)}${
      // While the record is under a data objection; the next delivery after it is resolved has none.
      r.objectionId ? `,"disputed":true,"objectionId":${JSON.stringify(r.objectionId)}` : ''
    }${r.deleted ? ',"deleted":true' : ''}}`
}
