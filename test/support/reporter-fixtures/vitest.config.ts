import { defineConfig } from 'vitest/config'

// Runs the reporter's fixtures on their own: no global setup, no services.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.fixture.ts'],
    reporters: ['../summary-reporter.ts'],
    pool: 'threads',
    maxWorkers: 1,
  },
})
