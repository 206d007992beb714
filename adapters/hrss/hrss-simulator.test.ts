import { describe, expect, it } from 'vitest'
import { UpstreamError } from '../../platform/errors/app-error.ts'
import { isValidResidentId } from '../../platform/identifiers/resident-id.ts'
import { demoWorld } from '../simulator-kit/demo-population.ts'
import { useSimulatedAdapter } from '../simulator-kit/simulated-adapter-test-support.ts'
import { hrssAdapterModule } from './hrss-adapter.ts'
import { HRSS_DEMO_APP_KEY, startSimulator } from './hrss-simulator.ts'

describe('hrss adapter against the running 人社 simulator', () => {
  const simulated = useSimulatedAdapter(hrssAdapterModule, startSimulator, HRSS_DEMO_APP_KEY)
  const registryWith = simulated.registry

  it('serves a demo person end to end: enrolments, twelve months of contributions, employment status', async () => {
    const person = demoWorld().people.find((p) => p.employer !== null)!
    expect(isValidResidentId(person.residentId)).toBe(true)
    const adapter = registryWith(HRSS_DEMO_APP_KEY).forKind('social-insurance-contribution')
    const subject = { idType: 'resident-id', idNumber: person.residentId } as const

    const enrolments = await adapter.lookupBySubject!('social-insurance-enrolment', subject)
    expect(enrolments.map((r) => r.data.insuranceType)).toEqual([
      'pension',
      'unemployment',
      'medical',
      'work-injury',
      'maternity',
    ])
    expect(enrolments.every((r) => r.data.subjectName === person.name)).toBe(true)

    const contributions = await adapter.lookupBySubject!('social-insurance-contribution', subject)
    expect(contributions).toHaveLength(12 * 3)
    const status = await adapter.lookupBySubject!('employment-status', subject)
    expect(status.map((r) => [r.data.status, r.data.employerName])).toEqual([
      ['employed', person.employer!.name],
    ])

    const batch = await adapter.changesSince!('social-insurance-contribution', null, 50)
    expect([batch.records.length, batch.cursor, batch.caughtUp]).toEqual([50, '50', false])
    expect(await adapter.health()).toEqual({ status: 'up', breaker: 'closed' })
  })

  it('gets a clear 502 when the hub is configured with the wrong app key', async () => {
    const adapter = registryWith('wrong-key').get('hrss')
    const person = demoWorld().people[0]!
    const error = await adapter.lookupBySubject!('social-insurance-enrolment', {
      idType: 'resident-id',
      idNumber: person.residentId,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstreamError)
    expect((error as UpstreamError).message).toContain('ADAPTER_HRSS_TOKEN')
  })
})
