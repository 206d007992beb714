import { beforeAll, describe, expect, it } from 'vitest'
import { useTestDatabase } from '../test/support/test-database.ts'
import { AnomalyReadModel } from './anomaly-read-model.ts'
import { AuditWriter } from './audit-writer.ts'

const database = useTestDatabase()
const KEY = Buffer.from('test-audit-subject-key-0123456789abcdef')
const WINDOW = { from: new Date('2026-09-28T00:00:00Z'), to: new Date('2026-10-25T00:00:00Z'), threshold: 5 }
// National Day week as the State Council publishes such weeks: days off, and a Saturday worked in return.
const CALENDAR = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkdays: ['2026-10-10'],
}

beforeAll(async () => {
  let clock = 0
  const writer = new AuditWriter({ db: database.db, subjectKey: KEY, now: () => clock })
  const burst = (iso: string, principal: string) => {
    clock = Date.parse(iso)
    for (let i = 0; i < 6; i++) {
      void writer.record({
        principal,
        department: 'lf-hrss',
        roles: ['consumer'],
        action: 'exchange.fetch',
        resourceType: 'resource',
        resourceId: 'HRSS-001',
        caseNumber: 'C-1',
        outcome: 'allowed',
      })
    }
  }
  burst('2026-10-01T02:10:00Z', 'holiday-morning') // Thursday 10:00 in Shanghai, a holiday
  burst('2026-10-10T02:10:00Z', 'makeup-morning') // Saturday 10:00, a make-up workday
  burst('2026-10-10T12:10:00Z', 'makeup-evening') // the same Saturday, 20:00
  burst('2026-10-13T02:10:00Z', 'tuesday-morning') // an ordinary Tuesday, 10:00
  burst('2026-10-17T02:10:00Z', 'saturday-morning') // an ordinary Saturday, 10:00
  await writer.close()
})

const offHours = async (model: AnomalyReadModel) =>
  (await model.anomalies('off-hours-bulk', WINDOW)).map((f) => [f.principal, f.windowStart]).sort()

describe('off-hours bulk access and the working-day calendar', () => {
  it('counts a holiday as off-hours all day and a make-up Saturday as a working day, in Shanghai time', async () => {
    expect(await offHours(new AnomalyReadModel(database.db, CALENDAR))).toEqual([
      ['holiday-morning', '2026-10-01T02:00:00.000Z'],
      ['makeup-evening', '2026-10-10T12:00:00.000Z'],
      ['saturday-morning', '2026-10-17T02:00:00.000Z'],
    ])
  })

  it('falls back to plain weekends and clock hours when no holidays are configured', async () => {
    expect(await offHours(new AnomalyReadModel(database.db))).toEqual([
      ['makeup-evening', '2026-10-10T12:00:00.000Z'],
      ['makeup-morning', '2026-10-10T02:00:00.000Z'],
      ['saturday-morning', '2026-10-17T02:00:00.000Z'],
    ])
  })
})
