import { describe, expect, it } from 'vitest'
import { TurnBatcher } from './turn-batcher.ts'

describe('TurnBatcher', () => {
  it('answers the look-ups of one turn with one load, each caller its own value', async () => {
    const loads: string[][] = []
    const batcher = new TurnBatcher<string, number>(async (keys) => {
      loads.push(keys)
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.length]))
    })
    const answers = await Promise.all(['a', 'bb', 'a', 'missing', 'cccc'].map((k) => batcher.get(k)))
    expect(answers).toEqual([1, 2, 1, undefined, 4])
    expect(loads).toEqual([['a', 'bb', 'missing', 'cccc']])
  })

  it('never lets a caller join a load that was already sent', async () => {
    let value = 1
    const batcher = new TurnBatcher<string, number>(async (keys) => {
      const seen = value
      await new Promise((resolve) => setTimeout(resolve, 20))
      return new Map(keys.map((k) => [k, seen]))
    })
    const first = batcher.get('k')
    await new Promise((resolve) => setImmediate(resolve))
    value = 2 // a commit after the first load was sent
    const second = batcher.get('k')
    expect(await Promise.all([first, second])).toEqual([1, 2])
  })

  it('rejects every caller of a failed load, and the next turn loads again', async () => {
    let fail = true
    const batcher = new TurnBatcher<string, string>(async (keys) => {
      if (fail) throw new Error('connection lost')
      return new Map(keys.map((k) => [k, k]))
    })
    const results = await Promise.allSettled([batcher.get('x'), batcher.get('y')])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    fail = false
    expect(await batcher.get('x')).toBe('x')
  })
})
