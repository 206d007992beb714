import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')

describe('summary reporter', () => {
  it('counts the tests of a file whose beforeAll failed as failed, not skipped', async () => {
    const outcome = await run(
      process.execPath,
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--config',
        'test/support/reporter-fixtures/vitest.config.ts',
      ],
      { cwd: root, env: { ...process.env, CI: 'true' } },
    ).catch((error: { code: number; stdout: string }) => error)

    expect('code' in outcome ? outcome.code : 0).toBe(1)
    expect(outcome.stdout).toContain('vitest: 1 passed, 2 failed, 1 skipped')
  })
})
