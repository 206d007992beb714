/** How far back a statistics or report operation looks when the caller names no `from`. */
export const REPORT_DEFAULT_DAYS = 30

/**
 * The window of a statistics or report operation: `to` defaults to now, `from` to
 * REPORT_DEFAULT_DAYS before `to`, so a bare call answers for the last 30 days instead of a 400.
 */
export function reportWindow(
  window: { from?: string; to?: string },
  now: () => number = Date.now,
): { from: string; to: string } {
  const to = window.to ?? new Date(now()).toISOString()
  const from = window.from ?? new Date(Date.parse(to) - REPORT_DEFAULT_DAYS * 86_400_000).toISOString()
  return { from, to }
}
