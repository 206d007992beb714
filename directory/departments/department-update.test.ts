import { beforeAll, describe, expect, it } from 'vitest'
import { demoDepartments } from '../../adapters/simulator-kit/demo-departments.ts'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { organCreditCode, writeCounts } from './department-test-support.ts'

const hub = useTestApp()
let admin: string

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  admin = await hub.token({ roles: ['admin'], subject: 'ops-1' })
})

const patch = (code: string, payload: unknown) =>
  hub.app.inject({
    method: 'PATCH',
    url: `/v1/departments/${code}`,
    payload: payload as object,
    headers: { authorization: `Bearer ${admin}` },
  })

describe('changing a department', () => {
  it('renames, re-parents and sets the credit code, with a department.updated event', async () => {
    const credit = organCreditCode('141081', '01309101')
    const res = await patch('hm-realestate', {
      name: '侯马市不动产登记中心（新）',
      parent: 'lf-bigdata',
      creditCode: credit,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      name: '侯马市不动产登记中心（新）',
      parent: 'lf-bigdata',
      creditCode: credit,
    })
    const row = await hub.database.db('departments').where({ code: 'hm-realestate' }).first()
    expect(row).toMatchObject({ parent_code: 'lf-bigdata', credit_code: credit })
    const events = await hub.database.db('outbox').where({ key: 'hm-realestate', type: 'department.updated' })
    expect(events).toHaveLength(1)
    expect(events[0].payload).toMatchObject({ code: 'hm-realestate', parent: 'lf-bigdata' })
  })

  it('keeps a short name (简称) for charts: the demo seeds one, an admin sets, trims and clears it', async () => {
    const seeded = await hub.database.db('departments').where({ code: 'lf-hrss' }).first()
    expect(seeded.short_name).toBe('市人社局')
    const set = await patch('lf-housing', { shortName: ' 房管局 ' })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toMatchObject({ name: '临汾市房地产管理局', shortName: '房管局' })
    const tooLong = await patch('lf-housing', { shortName: '临汾市房地产管理局临汾市房地产管理局临汾市房' })
    expect(tooLong.statusCode).toBe(400)
    const blank = await patch('lf-housing', { shortName: '   ' })
    expect(blank.statusCode).toBe(400)
    expect(blank.json().code).toBe('invalid-short-name')
    const cleared = await patch('lf-housing', { shortName: null })
    expect(cleared.json().shortName).toBeNull()
  })

  it('detaches from the parent with null', async () => {
    const res = await patch('qw-hrss', { parent: null })
    expect(res.statusCode).toBe(200)
    expect(res.json().parent).toBeNull()
  })

  const cases: [string, string, Record<string, unknown>, number, string][] = [
    ['a cycle through a child', 'lf-approval', { parent: 'yd-approval' }, 400, 'parent-cycle'],
    ['itself as parent', 'lf-hrss', { parent: 'lf-hrss' }, 400, 'parent-cycle'],
    ['a parent of lower level', 'lf-hrss', { parent: 'yd-approval' }, 400, 'parent-level-not-higher'],
    ['an unknown parent', 'yd-approval', { parent: 'no-such-dept' }, 400, 'parent-not-found'],
    ['a bad credit code', 'lf-hrss', { creditCode: '91350100M0001TGQXM' }, 400, 'invalid-credit-code'],
    [
      'a credit code another department holds',
      'lf-hrss',
      { creditCode: demoDepartments()[3]!.credit_code },
      409,
      'credit-code-taken',
    ],
    ['an unknown department', 'no-such-dept', { name: 'x' }, 404, 'department-not-found'],
    ['an empty change', 'lf-hrss', {}, 400, 'validation-failed'],
    ['a fixed property', 'lf-hrss', { level: 'county' }, 400, 'validation-failed'],
  ]

  it.each(cases)('rejects %s and writes nothing', async (_, code, body, status, problemCode) => {
    const before = await writeCounts(hub.database.db)
    const rowBefore = await hub.database.db('departments').where({ code }).first()
    const res = await patch(code, body)
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json().code).toBe(problemCode)
    expect(await writeCounts(hub.database.db)).toEqual(before)
    expect(await hub.database.db('departments').where({ code }).first()).toEqual(rowBefore)
  })
})

describe('Idempotency-Key on POST /v1/departments', () => {
  const body = {
    code: 'jc-hrss',
    name: '吉县人力资源和社会保障局',
    level: 'county',
    divisionCode: '141028',
    creditCode: organCreditCode('141028', '01309201'),
    parent: 'lf-hrss',
  }
  const post = (payload: unknown, key: string, token = admin) =>
    hub.app.inject({
      method: 'POST',
      url: '/v1/departments',
      payload: payload as object,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
    })

  it('replays the first answer for the same key and body, without a second insert or event', async () => {
    const before = await writeCounts(hub.database.db)
    const first = await post(body, 'key-1')
    expect(first.statusCode).toBe(201)
    // Property order must not matter: the replay is of the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse())
    const again = await post(reordered, 'key-1')
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.headers.location).toBe('/v1/departments/jc-hrss')
    expect(again.json()).toEqual(first.json())
    expect(await writeCounts(hub.database.db)).toEqual({
      departments: before.departments + 1,
      outbox: before.outbox + 1,
      keys: before.keys + 1,
    })
  })

  it('answers 409 idempotency-key-reused for the same key with a different body', async () => {
    const before = await writeCounts(hub.database.db)
    const res = await post({ ...body, name: '别的名字' }, 'key-1')
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('idempotency-key-reused')
    expect(await writeCounts(hub.database.db)).toEqual(before)
  })

  it('keeps keys private to each caller', async () => {
    const other = await hub.token({ roles: ['admin'], subject: 'ops-2' })
    const res = await post(body, 'key-1', other)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('department-exists')
  })

  it('forgets a key whose request was rejected, so the caller can fix and retry', async () => {
    const fixed = { ...body, code: 'jc-approval', creditCode: organCreditCode('141028', '01309202') }
    const rejected = await post({ ...fixed, divisionCode: '149999' }, 'key-2')
    expect(rejected.json().code).toBe('unknown-division')
    expect((await post(fixed, 'key-2')).statusCode).toBe(201)
  })

  it('creates once when the same request races itself', async () => {
    const racing = { ...body, code: 'jc-hfund', creditCode: organCreditCode('141028', '01309203') }
    const answers = await Promise.all([post(racing, 'key-3'), post(racing, 'key-3'), post(racing, 'key-3')])
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201])
    expect(await hub.database.db('outbox').where({ key: 'jc-hfund' })).toHaveLength(1)
  })
})
