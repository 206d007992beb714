import { describe, expect, it } from 'vitest'
import { dropPrefetched, prefetch, takePrefetched } from './prefetch.ts'

describe('route prefetch', () => {
  it('hands the page the answer its navigation asked for, once', async () => {
    let asked = 0
    const load = async () => ++asked
    prefetch('page', load)
    expect(await takePrefetched('page', load)).toBe(1)
    // The next visit asks again rather than showing the earlier figures.
    expect(await takePrefetched('page', load)).toBe(2)
  })

  it('drops the answers of a navigation that went elsewhere', async () => {
    let asked = 0
    const load = async () => ++asked
    prefetch('page', load)
    dropPrefetched()
    expect(await takePrefetched('page', load)).toBe(2)
  })

  it('a newer navigation replaces an answer nobody took', async () => {
    let asked = 0
    const load = async () => ++asked
    prefetch('page', load)
    prefetch('page', load)
    expect(await takePrefetched('page', load)).toBe(2)
  })

  it('keeps a refusal for the page to show, not as an unhandled rejection', async () => {
    prefetch('page', () => Promise.reject(new Error('401')))
    await new Promise((resolve) => setTimeout(resolve, 0))
    await expect(takePrefetched('page', async () => 'fresh')).rejects.toThrow('401')
  })
})
