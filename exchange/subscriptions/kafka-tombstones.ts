import type { StreamMessage } from '../../platform/events/event-types.ts'
import type { DeliveredRecord } from './delivery-target.ts'

/**
 * Log compaction keeps the last message of each key, so a record deleted at a live source would stay
 * on the topic for good behind its `deleted: true` value. Each deletion is therefore followed, on the
 * same key (hence the same partition, in order), by a tombstone — the key with a null value, event id
 * `<subscription>:<position>:tombstone` — after which compaction drops the key (the tombstone itself
 * after the topic's `delete.retention.ms`). The deletion value stays first: it carries the position and
 * the grant for consumers following the stream; a consumer rebuilding from a compacted topic sees the
 * key gone, or only its tombstone. `messages[i]` is the value of `records[i]`; without deletions the
 * messages are returned as they are.
 */
export function withTombstones(
  records: readonly DeliveredRecord[],
  messages: StreamMessage[],
): StreamMessage[] {
  if (!records.some((r) => r.deleted)) return messages
  return messages.flatMap((message, i) =>
    records[i]!.deleted
      ? [message, { key: message.key, eventId: `${message.eventId}:tombstone`, value: null }]
      : [message],
  )
}
