/**
 * The one backoff of the hub: jobs, the outbox relay, event consumers, subscriptions, webhook
 * deliveries and outbound HTTP retries all wait `base·2^(attempt-1)` after their `attempt`-th
 * failure (attempt counts from 1), capped at `capMs` (0 = no cap). `jitter` is the share of that
 * delay that is randomised (0 = none, 1 = "full jitter" in [0, delay)): spreading the retries of many
 * callers keeps them from hitting a recovering receiver in lock-step. BullMQ's built-in exponential
 * backoff uses the same formula without a cap, so both job runners retry alike.
 */
export interface Backoff {
  /** First delay, in ms. */
  baseMs: number
  /** Longest delay, in ms; 0 for none. */
  capMs?: number
  /** Randomised share of each delay, 0‥1 (default 0). */
  jitter?: number
}

export function backoffDelay(
  attempt: number,
  { baseMs, capMs = 0, jitter = 0 }: Backoff,
  random: () => number = Math.random,
): number {
  const uncapped = Math.round(2 ** (Math.max(1, attempt) - 1) * baseMs)
  const max = capMs > 0 ? Math.min(uncapped, capMs) : uncapped
  if (jitter <= 0) return max
  return Math.floor(random() * max * jitter + max * (1 - jitter))
}
