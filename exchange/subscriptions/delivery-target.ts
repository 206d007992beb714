import type { Knex } from 'knex'
import type { SubscriptionRow } from './subscription-store.ts'

/**
 * One record as a subscription delivers it: its key, its stream position and the granted, masked
 * items; `objectionId` when the record is under an unresolved data objection (数据异议) as it leaves.
 */
export interface DeliveredRecord {
  recordId: string
  position: string
  items: Record<string, unknown>
  objectionId?: string
  /** The record is gone (a live source no longer lists it or no longer lets it through); no items. */
  deleted?: true
}

/** The unresolved record objections of a resource, by record key (key ⇒ objection id). */
export type DisputedRecordKeys = (
  db: Knex | Knex.Transaction,
  resourceCode: string,
) => Promise<Map<string, string>>

export interface DeliveryBatch {
  subscription: SubscriptionRow
  grantId: string
  /** Position the batch ends at (also when every record of it was filtered out). */
  position: string
  records: readonly DeliveredRecord[]
}

/**
 * Where a subscription's batches go. `deliver` resolves only once the target holds the batch durably
 * (Kafka acknowledged, the consumer's transaction committed); the position moves only after that, so
 * delivery is at least once and a repeat carries the same positions.
 */
export interface DeliveryTarget {
  deliver(batch: DeliveryBatch): Promise<void>
  /**
   * The next batch of a subscription may be handed over before the previous one is held (the target
   * keeps their order, as Kafka's idempotent producer does per key); otherwise each waits for the last.
   */
  readonly pipelined?: boolean
}
