import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { HUB_NODE_FLAGS } from './node-flags.ts'

const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
  .scripts as Record<string, string>

describe('the hub runtime flags', () => {
  it.each(['start', 'bench'])('are what `npm run %s` passes to node', (script) => {
    const command = scripts[script]!
    expect(command.startsWith('node ')).toBe(true)
    for (const flag of HUB_NODE_FLAGS) expect(command.split(' ')).toContain(flag)
  })
})
