import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node'

/**
 * Prints one plain closing line, `vitest: N passed, N failed, N skipped`, that CI logs and tools
 * can read without parsing vitest's coloured summary.
 *
 * vitest reports the tests of a suite whose `beforeAll` failed (the database or broker was down) as
 * skipped; they were meant to run and did not, so they count as failed here. Only tests that were
 * skipped on purpose (`it.skip`, `it.todo`, a filter) count as skipped.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const { passed, failed, skipped } = countTests(testModules, unhandledErrors.length)
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}

export function countTests(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors = 0,
): { passed: number; failed: number; skipped: number } {
  let passed = 0
  let failed = unhandledErrors
  let skipped = 0
  for (const module of testModules) {
    const tests = [...module.children.allTests()]
    if (module.state() === 'failed' && tests.length === 0) failed++
    for (const test of tests) {
      const state = test.result().state
      if (state === 'passed') passed++
      else if (state === 'failed' || wasMeantToRun(test)) failed++
      else skipped++
    }
  }
  return { passed, failed, skipped }
}

/** A test left unrun although it was not skipped on purpose: a hook of an enclosing suite failed. */
function wasMeantToRun(test: TestCase): boolean {
  if (test.options.mode !== 'run') return false
  for (let at: TestSuite | TestModule = test.parent; ; at = at.parent) {
    if (at.state() === 'failed') return true
    if (at.type === 'module') return false
  }
}
