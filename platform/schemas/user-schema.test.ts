import { describe, expect, it } from 'vitest'
import { recordSchemaProblems } from '../../directory/resources/resource-record-schema.ts'
import { FaceDataValidator } from '../../exchange/certificates/certificate-rules.ts'
import { MAX_USER_SCHEMA_DEPTH, userSchemaProblems } from './user-schema.ts'

const evil = { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } }

describe('user-supplied schemas cannot stall the event loop', () => {
  it('runs a catastrophic pattern in linear time (RE2)', () => {
    const faces = new FaceDataValidator()
    expect(faces.schemaProblems(evil)).toEqual([])
    const started = performance.now()
    // 40 characters: about nine minutes with a backtracking engine (0.5 s at 26, doubling per character).
    const problems = faces.problems('evil-type', evil, { name: `${'a'.repeat(40)}!` })
    expect(performance.now() - started).toBeLessThan(200)
    expect(problems.map((p) => p.path)).toEqual(['/faceData/name'])
    expect(faces.problems('evil-type', evil, { name: 'aaaa' })).toEqual([])
  })

  it('refuses patterns RE2 cannot run (back-references, look-around) at registration', () => {
    const faces = new FaceDataValidator()
    const backref = { type: 'object', properties: { n: { type: 'string', pattern: '^(a)\\1$' } } }
    expect(faces.schemaProblems(backref)).toEqual([
      { path: '/faceSchema/properties/n/pattern', message: expect.stringContaining('RE2') },
    ])
    const lookahead = { type: 'object', patternProperties: { '^(?=x)': { type: 'string' } } }
    expect(faces.schemaProblems(lookahead)[0]?.path).toBe('/faceSchema/patternProperties')
  })

  it('bounds size and depth', () => {
    let deep: Record<string, unknown> = { type: 'string' }
    for (let i = 0; i < MAX_USER_SCHEMA_DEPTH + 2; i++) deep = { type: 'object', properties: { x: deep } }
    expect(userSchemaProblems(deep, '/faceSchema')[0]?.message).toMatch(/nest deeper/)
    const huge = { type: 'object', description: 'x'.repeat(70_000) }
    expect(userSchemaProblems(huge, '/faceSchema')[0]?.message).toMatch(/at most/)
  })

  it('applies to resource record schemas too', () => {
    const problems = recordSchemaProblems(
      { type: 'object', properties: { xm: { type: 'string', pattern: '(?<=a)b' } } },
      [{ code: 'xm', name: '姓名', dataType: 'C', length: 50 } as never],
    )
    expect(problems).toEqual([
      { path: '/body/recordSchema/properties/xm/pattern', message: expect.stringContaining('RE2') },
    ])
  })
})
