import { describe, expect, it } from 'vitest'
import { useTestApp } from '../test/support/test-app.ts'
import { API_TAGS } from './build-app.ts'

const hub = useTestApp()
const ALLOWED_TAGS = API_TAGS.map((t) => t.name)
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

interface Operation {
  operationId?: string
  tags?: string[]
  responses?: Record<string, unknown>
}

describe('OpenAPI document', () => {
  it('is served at /openapi.json as OpenAPI 3.1 without a token', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.components.schemas.Problem.properties.code.description).toBeTruthy()
    expect(doc.paths['/v1/whoami'].get.operationId).toBe('getCurrentPrincipal')
  })

  it('gives every operation a unique operationId and exactly one of the agreed tags', async () => {
    const doc = (await hub.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const ids: string[] = []
    for (const [route, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const method of METHODS) {
        const op = item[method]
        if (!op) continue
        expect(op.operationId, `${method} ${route}`).toMatch(/^[a-z][A-Za-z]+$/)
        expect(op.tags, `${method} ${route}`).toHaveLength(1)
        expect(ALLOWED_TAGS, `${method} ${route}`).toContain(op.tags![0])
        ids.push(op.operationId!)
      }
    }
    expect(ids.length).toBeGreaterThanOrEqual(5)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('serves the docs UI at /docs', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/docs/' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
  })
})
