import { beforeAll, describe, expect, it } from 'vitest'
import { demoDepartments } from '../../adapters/simulator-kit/demo-departments.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { organCreditCode, writeCounts } from './department-test-support.ts'

const hub = useTestApp()
let admin: string
let consumer: string

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  admin = await hub.token({ roles: ['admin'], subject: 'ops-1' })
  consumer = await hub.token({ roles: ['consumer'] })
})

const get = (url: string, token = consumer) =>
  hub.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })

const send = (method: 'POST' | 'PATCH', url: string, payload: unknown, token = admin) =>
  hub.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${token}` } })

// Each body gets its own made-up organisation code, so only the cases about it share a credit code.
let sequence = 0
const newCounty = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: `测试县部门 ${code}`,
  level: 'county',
  divisionCode: '141023',
  creditCode: organCreditCode('141023', `0131${String(++sequence).padStart(4, '0')}`),
  parent: 'lf-hrss',
  ...overrides,
})

describe('reading departments', () => {
  it('lists the seeded departments in code order to any authenticated caller', async () => {
    const res = await get('/v1/departments')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const seeded = demoDepartments().map((d) => d.code)
    expect(body.items.map((d: { code: string }) => d.code)).toEqual([...seeded].sort())
    expect(body.nextCursor).toBeNull()
    expect(body.items.find((d: { code: string }) => d.code === 'yd-approval')).toMatchObject({
      level: 'county',
      divisionCode: '141002',
      parent: 'lf-approval',
      kind: 'government',
    })
  })

  it('filters by level, kind, division, parent and name', async () => {
    const codes = async (query: string) =>
      (await get(`/v1/departments?${query}`)).json().items.map((d: { code: string }) => d.code)
    expect(await codes('level=county')).toEqual(['hm-realestate', 'qw-hrss', 'yd-approval'])
    expect(await codes('kind=external')).toEqual(['sx-province'])
    expect(await codes('divisionCode=141081')).toEqual(['hm-realestate'])
    expect(await codes('parent=lf-approval')).toEqual(['yd-approval'])
    expect(await codes(`q=${encodeURIComponent('不动产')}`)).toEqual(['hm-realestate', 'lf-realestate'])
    expect(await codes(`q=${encodeURIComponent('%')}`)).toEqual([])
  })

  it('walks every department exactly once with cursor pagination', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await get(`/v1/departments?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body.items.length).toBeLessThanOrEqual(3)
      seen.push(...body.items.map((d: { code: string }) => d.code))
      cursor = body.nextCursor
      pages++
    } while (cursor && pages < 20)
    const all = (await hub.database.db('departments').pluck('code')) as string[]
    expect(seen).toEqual([...all].sort())
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('rejects a bad limit or a forged cursor with 400', async () => {
    expect((await get('/v1/departments?limit=201')).json().code).toBe('validation-failed')
    expect((await get('/v1/departments?limit=0')).statusCode).toBe(400)
    const forged = await get(`/v1/departments?cursor=${Buffer.from('DROP TABLE').toString('base64url')}`)
    expect(forged.statusCode).toBe(400)
    expect(forged.json().code).toBe('invalid-cursor')
  })

  it('reads one department, 404 problem+json for an unknown code, 401 without a token', async () => {
    const res = await get('/v1/departments/lf-hfund')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ code: 'lf-hfund', level: 'city', divisionCode: '141000' })
    const missing = await get('/v1/departments/no-such-dept')
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(missing.json().code).toBe('department-not-found')
    expect((await hub.app.inject({ method: 'GET', url: '/v1/departments' })).statusCode).toBe(401)
  })
})

describe('creating departments', () => {
  it('creates a department with its event in one transaction (201 + Location)', async () => {
    const before = await writeCounts(hub.database.db)
    const body = newCounty('xf-hrss', { creditCode: organCreditCode('141023', '01309001').toLowerCase() })
    const res = await send('POST', '/v1/departments', body)
    expect(res.statusCode).toBe(201)
    expect(res.headers.location).toBe('/v1/departments/xf-hrss')
    expect(res.json()).toMatchObject({
      code: 'xf-hrss',
      level: 'county',
      kind: 'government',
      parent: 'lf-hrss',
      creditCode: organCreditCode('141023', '01309001'),
    })
    const row = await hub.database.db('departments').where({ code: 'xf-hrss' }).first()
    expect(row).toMatchObject({ parent_code: 'lf-hrss', credit_code: organCreditCode('141023', '01309001') })
    const events = await hub.database.db('outbox').where({ key: 'xf-hrss' })
    expect(events).toEqual([
      expect.objectContaining({ topic: 'directory-events', type: 'department.created' }),
    ])
    expect(await writeCounts(hub.database.db)).toEqual({
      ...before,
      departments: before.departments + 1,
      outbox: before.outbox + 1,
    })
  })

  const valid = organCreditCode('141023', '01309002')
  const badChecksum = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')
  const cases: [string, Record<string, unknown>, number, string, string?][] = [
    [
      'a bad credit-code checksum',
      newCounty('bad-1', { creditCode: badChecksum }),
      400,
      'invalid-credit-code',
      '/body/creditCode',
    ],
    [
      'an unknown division',
      newCounty('bad-2', { divisionCode: '149999' }),
      400,
      'unknown-division',
      '/body/divisionCode',
    ],
    ['a bad level', newCounty('bad-3', { level: 'district' }), 400, 'validation-failed', '/body/level'],
    [
      'an unknown parent',
      newCounty('bad-4', { parent: 'no-such-dept' }),
      400,
      'parent-not-found',
      '/body/parent',
    ],
    [
      'a parent of lower level',
      newCounty('bad-5', { level: 'city', parent: 'yd-approval' }),
      400,
      'parent-level-not-higher',
      '/body/parent',
    ],
    [
      'a parent of the same level',
      newCounty('bad-6', { level: 'city' }),
      400,
      'parent-level-not-higher',
      '/body/parent',
    ],
    ['a duplicate code', newCounty('lf-hrss'), 409, 'department-exists'],
    [
      'a credit code another department holds',
      newCounty('bad-7', { creditCode: demoDepartments()[1]!.credit_code }),
      409,
      'credit-code-taken',
    ],
    ['an unknown property', { ...newCounty('bad-8'), extra: 1 }, 400, 'validation-failed', '/body/extra'],
    ['a bad code format', newCounty('Bad_9'), 400, 'validation-failed', '/body/code'],
    [
      'a name over 100 characters',
      newCounty('bad-10', { name: '局'.repeat(101) }),
      400,
      'validation-failed',
      '/body/name',
    ],
    ['a blank name', newCounty('bad-11', { name: '   ' }), 400, 'invalid-name', '/body/name'],
    [
      'several broken rules at once',
      newCounty('bad-12', { divisionCode: '149999', parent: 'nope' }),
      400,
      'department-invalid',
      '/body/parent',
    ],
  ]

  it.each(cases)('rejects %s and writes nothing', async (_, body, status, code, path) => {
    const before = await writeCounts(hub.database.db)
    const res = await send('POST', '/v1/departments', body)
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json().code).toBe(code)
    if (path) expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path)
    expect(await writeCounts(hub.database.db)).toEqual(before)
  })

  it('is admin only: 403 for a consumer, nothing written', async () => {
    const before = await writeCounts(hub.database.db)
    const res = await send('POST', '/v1/departments', newCounty('xf-other'), consumer)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('role-required')
    const patch = await send('PATCH', '/v1/departments/lf-hrss', { name: 'x' }, consumer)
    expect(patch.statusCode).toBe(403)
    expect(await writeCounts(hub.database.db)).toEqual(before)
  })
})
