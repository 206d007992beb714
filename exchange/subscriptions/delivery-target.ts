import type { SubscriptionRow } from './subscription-store.ts'

/** One record as a subscription delivers it: its key, its stream position and the granted, masked items. */
export interface DeliveredRecord {
  recordId: string
  position: string
  items: Record<string, unknown>
}

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
}
