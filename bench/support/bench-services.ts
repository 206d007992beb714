/** Where benchmarks find the real services; same defaults as the tests (the CI machine). */
export const BENCH_DATABASE_ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const BENCH_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

export function benchDatabaseUrl(name: string): string {
  const url = new URL(BENCH_DATABASE_ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
