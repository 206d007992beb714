import { describe, expect, it } from 'vitest'
import { UpstreamError } from '../../platform/errors/app-error.ts'
import { demoWorld } from '../simulator-kit/demo-population.ts'
import { useSimulatedAdapter } from '../simulator-kit/simulated-adapter-test-support.ts'
import { provinceAdapterModule } from './province-adapter.ts'
import { PROVINCE_DEMO_TOKEN, startSimulator } from './province-simulator.ts'

describe('province adapter against the running 省平台 simulator', () => {
  const simulated = useSimulatedAdapter(provinceAdapterModule, startSimulator, PROVINCE_DEMO_TOKEN)
  const adapterWith = simulated.adapter

  it('pushes a case once however often it is sent, and reads shared marriage registrations', async () => {
    const adapter = adapterWith(PROVINCE_DEMO_TOKEN)
    const person = demoWorld().people[0]!
    const report = {
      caseNumber: 'LF-2026-000777',
      serviceItemCode: '000000001',
      serviceItemName: '不动产登记',
      applicantIdType: 'resident-id',
      applicantIdNumber: person.residentId,
      applicantName: person.name,
      departmentCode: 'lf-approval',
      departmentName: '临汾市行政审批服务管理局',
      divisionCode: '141000',
      stage: 'accepted',
      occurredAt: new Date().toISOString(),
      decision: null,
      handler: null,
    }
    const first = await adapter.push!('case-report', report, { idempotencyKey: 'LF-2026-000777-accepted' })
    const again = await adapter.push!('case-report', report, { idempotencyKey: 'LF-2026-000777-accepted' })
    expect([first.duplicate, again.duplicate, again.receiptId]).toEqual([false, true, first.receiptId])

    let married = 0
    for (const p of demoWorld().people.slice(0, 40)) {
      married += (
        await adapter.lookupBySubject!('marriage-registration', {
          idType: 'resident-id',
          idNumber: p.residentId,
        })
      ).length
    }
    expect(married).toBeGreaterThan(0)
    expect(await adapter.health()).toEqual({ status: 'up', breaker: 'closed' })
  })

  it('lists the province’s service items (事项同步) from a cursor, in the hub’s terms', async () => {
    const adapter = adapterWith(PROVINCE_DEMO_TOKEN)
    const all = await adapter.serviceItemsSince!(null)
    expect(all.caughtUp).toBe(true)
    expect(all.cursor).toBe('3')
    expect(all.items[0]).toMatchObject({
      code: '000140006000',
      name: '食品经营许可',
      type: 'administrative-licensing',
      implementingCreditCode: expect.stringMatching(/^[0-9A-Z]{18}$/),
      promisedWorkingDays: 10,
      oneVisit: true,
      status: 'active',
      materials: [
        { materialCode: 'M01', required: true, paperCopies: 1 },
        { materialCode: 'M02', name: '营业执照' },
      ],
    })
    expect(await adapter.serviceItemsSince!('3')).toEqual({ items: [], cursor: '3', caughtUp: true })
    expect((await adapter.serviceItemsSince!('2')).items.map((i) => i.code)).toEqual(['000122004000'])
  })

  it('gets a clear 502 when the hub signs with the wrong secret', async () => {
    const error = await adapterWith('lf-hub:wrong').lookupBySubject!('marriage-registration', {
      idType: 'resident-id',
      idNumber: demoWorld().people[0]!.residentId,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect((error as Error).message).toContain('signature')
  })
})
