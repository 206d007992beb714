import { describe, expect, it } from 'vitest'
import { lazySerializers } from './build-app.ts'

const route = (schema: object) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' })

describe('response serializers built on first use', () => {
  it('answers by the response schema, building each serializer once, on its first answer or when warmed', () => {
    const pending = new Set<() => unknown>()
    const factory = lazySerializers(pending)({ Name: { $id: 'Name', type: 'string' } }, {})
    const serialize = factory(
      route({ type: 'object', properties: { name: { $ref: 'Name#' }, n: { type: 'integer' } } }),
    )
    const other = factory(route({ type: 'object', properties: { ok: { type: 'boolean' } } }))
    expect(pending.size).toBe(2)
    // What the schema does not name never leaves (the point of response schemas), shared schemas resolve.
    expect(serialize({ name: '张三', n: 2, secret: 'x' })).toBe('{"name":"张三","n":2}')
    expect(pending.size).toBe(1)
    for (const build of [...pending]) build()
    expect(pending.size).toBe(0)
    expect(other({ ok: true, extra: 1 })).toBe('{"ok":true}')
  })

  it('reports a broken response schema when warmed, not only at a first answer', () => {
    const pending = new Set<() => unknown>()
    lazySerializers(pending)({}, {})(route({ type: 'object', properties: { a: { $ref: 'Missing#' } } }))
    expect(() => {
      for (const build of [...pending]) build()
    }).toThrow(/Missing/)
  })
})
