import { beforeAll, describe, expect, it } from 'vitest'
import { accepted, basicInfo, caseCounts, seedCaseWorld } from '../../exchange/cases/case-test-support.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { callerHeaders } from './service-item-test-support.ts'

// Cases are accepted under one version of their service item and keep it; a retired item takes no new cases.
const hub = useTestApp()
const ITEM = '000107001000' // 失业保险金申领 of lf-hrss

beforeAll(async () => {
  await seedCaseWorld(hub.database.db)
})

const push = async (caseNumber: string) =>
  hub.app.inject({
    method: 'POST',
    url: '/v1/cases/changes',
    headers: await callerHeaders(hub, ['service'], 'lf-hrss', 'hrss-system'),
    payload: accepted(caseNumber, basicInfo({ serviceItemCode: ITEM })),
  })

const readCase = async (caseNumber: string) =>
  (
    await hub.app.inject({
      method: 'GET',
      url: `/v1/cases/${caseNumber}`,
      headers: await callerHeaders(hub, ['service'], 'lf-hrss', 'hrss-system'),
    })
  ).json()

describe('service item versions and cases', () => {
  it('keeps the version a case was accepted under after the item is updated', async () => {
    expect((await push('LF-SV-000001')).statusCode).toBe(201)
    expect(await readCase('LF-SV-000001')).toMatchObject({ serviceItemCode: ITEM, serviceItemVersion: 1 })

    const steward = await callerHeaders(hub, ['steward'], 'lf-hrss')
    const current = (
      await hub.app.inject({ method: 'GET', url: `/v1/service-items/${ITEM}`, headers: steward })
    ).json()
    const updated = await hub.app.inject({
      method: 'PUT',
      url: `/v1/service-items/${ITEM}`,
      headers: steward,
      payload: {
        name: current.name,
        type: current.type,
        department: current.department,
        legalBasis: current.legalBasis,
        promisedWorkingDays: 3,
        oneVisit: true,
        materials: [{ materialCode: 'M05', name: '解除劳动合同证明', required: true }],
      },
    })
    expect(updated.json()).toMatchObject({ version: 2, promisedWorkingDays: 3 })

    expect((await push('LF-SV-000002')).statusCode).toBe(201)
    expect(await readCase('LF-SV-000001')).toMatchObject({ serviceItemVersion: 1 })
    expect(await readCase('LF-SV-000002')).toMatchObject({ serviceItemVersion: 2 })
    const asAccepted = await hub.app.inject({
      method: 'GET',
      url: `/v1/service-items/${ITEM}/versions/1`,
      headers: steward,
    })
    expect(asAccepted.json()).toMatchObject({ version: 1, promisedWorkingDays: 5 })

    // The window clerk sees the materials of the version each case was accepted under.
    const clerk = await callerHeaders(hub, ['clerk'], 'lf-hrss')
    const materialsOf = async (caseNumber: string) =>
      (
        await hub.app.inject({
          method: 'GET',
          url: `/v1/cases/${caseNumber}/shareable-materials`,
          headers: clerk,
        })
      )
        .json()
        .items.map((m: { materialCode: string }) => m.materialCode)
    expect(await materialsOf('LF-SV-000001')).toEqual(['M01'])
    expect(await materialsOf('LF-SV-000002')).toEqual(['M05'])
  })

  it('refuses a new case under a retired item, naming the field, and writes nothing', async () => {
    const steward = await callerHeaders(hub, ['steward'], 'lf-hrss')
    const retired = await hub.app.inject({
      method: 'POST',
      url: `/v1/service-items/${ITEM}/retire`,
      headers: steward,
      payload: { reason: '事项调整' },
    })
    expect(retired.statusCode).toBe(200)
    const before = await caseCounts(hub.database.db)
    const res = await push('LF-SV-000003')
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('service-item-retired')
    expect(res.json().errors).toEqual([
      { path: '/basic/serviceItemCode', message: expect.stringContaining('retired') },
    ])
    expect(await caseCounts(hub.database.db)).toEqual(before)
  })
})
