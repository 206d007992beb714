import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { departmentTopic } from '../../exchange/cases/case-distributor.ts'
import {
  accepted,
  basicInfo,
  grantCaseData,
  seedCaseWorld,
  step,
} from '../../exchange/cases/case-test-support.ts'
import type { EventConsumer, ReceivedEvent } from '../../platform/events/event-types.ts'
import { createDeduplicator } from '../../platform/events/kafka-consumer.ts'
import type { CaseChange, CaseEvent } from '../../schemas/generated/types.ts'
import { useTestApp } from '../support/test-app.ts'

/**
 * The proof of issue 7 on real Kafka: 1,000 case events over 100 cases pushed concurrently; the
 * relay and a consumer department's subscriber (on its filtered topic) stopped mid-way and
 * restarted; the subscriber ends with every event exactly once after de-duplication, in order per case.
 */

// 1,000 pushes by one system within a minute: above the default per-principal rate limit.
const hub = useTestApp({
  env: { KAFKA_TOPIC_PREFIX: `e2e${randomBytes(4).toString('hex')}.`, RATE_LIMIT_PER_MINUTE: '100000' },
})
const CASES = 100
const PER_CASE = 10

/** Ten changes per case: acceptance, seven reviews, completion, result. */
function changesOf(caseNumber: string, index: number): CaseChange[] {
  const changes: CaseChange[] = [accepted(caseNumber, basicInfo({}, index))]
  for (let s = 2; s <= 8; s++) changes.push(step(caseNumber, s, 'review'))
  changes.push(step(caseNumber, 9, 'complete'))
  changes.push({
    caseNumber,
    sequence: 10,
    result: { outcome: 'approved', completedAt: '2026-11-22T00:00:00Z' },
  })
  return changes
}

const until = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('case distribution on Kafka', () => {
  it('delivers 1,000 events exactly once after de-duplication, in order per case, across restarts', async () => {
    const app = hub.app
    await seedCaseWorld(hub.database.db)
    await grantCaseData(hub.database.db, 'lf-approval')
    const token = await hub.token({
      roles: ['service'],
      department: 'lf-hrss',
      subject: `hrss-system-${randomBytes(3).toString('hex')}`,
    })

    // The subscriber's de-duplication state outlives its restart, as a real subscriber's store would.
    const dedup = createDeduplicator()
    const seen: CaseEvent[] = []
    let raw = 0
    const handler = dedup.wrap(async (event: ReceivedEvent) => {
      seen.push(event.payload as CaseEvent)
    })
    const subscribe = () =>
      app.events.subscribe({
        groupId: `${app.config.outbox.topicPrefix}approval-subscriber`,
        topics: [departmentTopic('lf-approval')],
        handler: async (event) => {
          raw += 1
          // De-duplicate by the source event: a routed copy is unique per source event and department.
          await handler({ ...event, eventId: (event.payload as CaseEvent).sourceEventId ?? event.eventId })
        },
      })

    app.events.relay.start()
    let subscriber: EventConsumer = await subscribe()

    let pushed = 0
    let restarted: Promise<void> | undefined
    const pushCase = async (i: number) => {
      for (const change of changesOf(`LF-E2E-${String(i).padStart(6, '0')}`, i)) {
        const res = await app.inject({
          method: 'POST',
          url: '/v1/cases/changes',
          headers: { authorization: `Bearer ${token}` },
          payload: change,
        })
        expect(res.statusCode).toBe(201)
        pushed += 1
        if (pushed === 400) {
          // Mid-way: relay and subscriber go down while ingest goes on.
          restarted = (async () => {
            await Promise.all([app.events.relay.stop(), subscriber.stop()])
            await new Promise((r) => setTimeout(r, 1_000))
            app.events.relay.start()
            subscriber = await subscribe()
          })()
        }
      }
    }
    await Promise.all(Array.from({ length: CASES }, (_, i) => pushCase(i)))
    await restarted
    expect(pushed).toBe(CASES * PER_CASE)

    await until(() => seen.length >= CASES * PER_CASE, 45_000)
    await subscriber.stop()
    expect(seen).toHaveLength(CASES * PER_CASE)
    expect(new Set(seen.map((e) => e.sourceEventId)).size).toBe(CASES * PER_CASE)
    expect(raw).toBeGreaterThanOrEqual(CASES * PER_CASE)
    const byCase = new Map<string, number[]>()
    for (const e of seen) byCase.set(e.caseNumber, [...(byCase.get(e.caseNumber) ?? []), e.sequence])
    expect(byCase.size).toBe(CASES)
    for (const sequences of byCase.values()) expect(sequences).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    // What the grant does not include never reaches the department.
    expect(seen.every((e) => e.applicant.idNumber.includes('********') && e.basic?.form === undefined)).toBe(
      true,
    )
  }, 60_000)
})
