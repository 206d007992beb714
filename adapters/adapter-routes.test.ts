import { describe, expect, it } from 'vitest'
import { useTestApp } from '../test/support/test-app.ts'

const hub = useTestApp({ simulators: true })

describe('GET /v1/admin/adapters', () => {
  it('lists the five department adapters, each answering through its simulator', async () => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/admin/adapters',
      headers: { authorization: `Bearer ${await hub.token({ roles: ['admin'] })}` },
    })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { name: string; department: string; health: { status: string } }[]
    expect(items.map((a) => a.name).sort()).toEqual([
      'housing-admin',
      'housing-fund',
      'hrss',
      'province',
      'real-estate',
    ])
    expect(items.find((a) => a.name === 'hrss')?.department).toBe('lf-hrss')
    expect(items.every((a) => a.health.status === 'up')).toBe(true)
  })

  it('is for admins only', async () => {
    const res = await hub.app.inject({
      method: 'GET',
      url: '/v1/admin/adapters',
      headers: { authorization: `Bearer ${await hub.token({ roles: ['consumer'] })}` },
    })
    expect(res.statusCode).toBe(403)
  })
})
