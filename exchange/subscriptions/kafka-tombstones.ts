import type { OutboxEvent } from '../../platform/events/event-types.ts'
import type { DeliveredRecord } from './delivery-target.ts'

/** The event type of a tombstone on a subscription topic (its value is null). */
export const SUBSCRIPTION_TOMBSTONE_TYPE = 'subscription.tombstone'

/**
 * Log compaction keeps the last message of each key, so a record deleted at a live source would stay
 * on the topic for good behind its `deleted: true` value. Each deletion is therefore followed, on the
 * same key (hence the same partition, in order), by a tombstone — the key with a null value — after
 * which compaction drops the key (the tombstone itself after the topic's `delete.retention.ms`). The
 * deletion value stays first: it carries the position and the grant for consumers following the
 * stream; a consumer rebuilding from a compacted topic sees the key gone, or only its tombstone.
 * `events[i]` is the value of `records[i]`; without deletions the events are returned as they are.
 */
export function withTombstones(records: readonly DeliveredRecord[], events: OutboxEvent[]): OutboxEvent[] {
  if (!records.some((r) => r.deleted)) return events
  return events.flatMap((event, i) =>
    records[i]!.deleted
      ? [
          event,
          {
            ...event,
            eventId: `${event.eventId}:tombstone`,
            type: SUBSCRIPTION_TOMBSTONE_TYPE,
            payload: null,
            tombstone: true as const,
          },
        ]
      : [event],
  )
}
