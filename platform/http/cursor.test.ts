import { describe, expect, it } from 'vitest'
import { cursorCodec, invalidCursor } from './cursor.ts'

const idCursor = cursorCodec<string>({
  write: (id) => `x:${id}`,
  read: (text) => /^x:([0-9]+)$/.exec(text)?.[1],
})
const pairCursor = cursorCodec<[string, number]>({
  write: (pair) => JSON.stringify(pair),
  read: (text) => {
    const [a, b] = JSON.parse(text) as unknown[]
    return typeof a === 'string' && typeof b === 'number' ? [a, b] : undefined
  },
  detail: 'The cursor is not one this list returned',
})

describe('cursor codec', () => {
  it('reads back what it wrote, as opaque base64url', () => {
    const cursor = idCursor.encode('42')
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(cursor).not.toContain('42')
    expect(idCursor.decode(cursor)).toBe('42')
    expect(pairCursor.decode(pairCursor.encode(['2026-01-02', 7]))).toEqual(['2026-01-02', 7])
  })

  it('answers a forged cursor with a 400 naming the cursor field', () => {
    const forged = Buffer.from('x:1; drop table').toString('base64url')
    expect(() => idCursor.decode(forged)).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'invalid-cursor',
        message: 'The cursor is not one this API returned',
        errors: [{ path: '/querystring/cursor', message: 'is not a valid cursor' }],
      }),
    )
  })

  it('treats text that does not parse like any other forged cursor', () => {
    expect(() => pairCursor.decode('not*json')).toThrow(
      expect.objectContaining({
        code: 'invalid-cursor',
        message: 'The cursor is not one this list returned',
      }),
    )
  })

  it('can leave the field problem out', () => {
    expect(invalidCursor('The cursor is not valid', false).errors).toBeUndefined()
  })
})
