import { describe, expect, it } from 'vitest'
import { OFFICIAL_DAYS_UNTIL, withOfficialDays } from './official-days.ts'
import { endOfShanghaiDay, shanghaiDate, WorkingDayCalendar } from './working-days.ts'

// National Day 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked.
const nationalDay2025 = new WorkingDayCalendar({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpWorkdays: ['2025-09-28', '2025-10-11'],
})
const plain = new WorkingDayCalendar({ holidays: [], makeUpWorkdays: [] })
const at = (iso: string) => new Date(iso)

describe('working-day calendar', () => {
  it('skips weekends', () => {
    // Friday 2025-11-07 + 1 ⇒ Monday; + 10 ⇒ two weeks later on Friday.
    expect(plain.addWorkingDays(at('2025-11-07T10:00:00+08:00'), 1)).toBe('2025-11-10')
    expect(plain.addWorkingDays(at('2025-11-07T10:00:00+08:00'), 10)).toBe('2025-11-21')
    expect(plain.addWorkingDays(at('2025-11-07T10:00:00+08:00'), 0)).toBe('2025-11-07')
  })

  it('counts make-up Saturdays and Sundays and skips the National Day week', () => {
    expect(nationalDay2025.isWorkingDay('2025-09-28')).toBe(true) // a Sunday worked
    expect(nationalDay2025.isWorkingDay('2025-10-11')).toBe(true) // a Saturday worked
    expect(nationalDay2025.isWorkingDay('2025-10-01')).toBe(false)
    expect(nationalDay2025.isWorkingDay('2025-10-04')).toBe(false) // plain Saturday in the week
    // Filed Friday 26 September: Sun 28, Mon 29, Tue 30 work; 1–8 off; Thu 9, Fri 10, Sat 11 work.
    expect(nationalDay2025.addWorkingDays(at('2025-09-26T09:00:00+08:00'), 1)).toBe('2025-09-28')
    expect(nationalDay2025.addWorkingDays(at('2025-09-26T09:00:00+08:00'), 3)).toBe('2025-09-30')
    expect(nationalDay2025.addWorkingDays(at('2025-09-26T09:00:00+08:00'), 4)).toBe('2025-10-09')
    expect(nationalDay2025.addWorkingDays(at('2025-09-26T09:00:00+08:00'), 6)).toBe('2025-10-11')
    // 10 working days from 26 September land on Thursday 16 October (plain calendar: 10 October).
    expect(nationalDay2025.addWorkingDays(at('2025-09-26T09:00:00+08:00'), 10)).toBe('2025-10-16')
    expect(plain.addWorkingDays(at('2025-09-26T09:00:00+08:00'), 10)).toBe('2025-10-10')
  })

  it('uses the Shanghai date, not the server date', () => {
    // 17:30 UTC Friday is already Saturday 01:30 in Shanghai: the next working day is Tuesday.
    expect(shanghaiDate(at('2025-11-07T17:30:00Z'))).toBe('2025-11-08')
    expect(plain.addWorkingDays(at('2025-11-07T17:30:00Z'), 2)).toBe('2025-11-11')
  })

  it('puts the deadline at the end of the Shanghai day', () => {
    expect(endOfShanghaiDay('2025-10-16').toISOString()).toBe('2025-10-16T16:00:00.000Z')
    expect(nationalDay2025.deadline(at('2025-09-26T09:00:00+08:00'), 10).toISOString()).toBe(
      '2025-10-16T16:00:00.000Z',
    )
  })

  it('rejects malformed configuration and negative counts', () => {
    expect(() => new WorkingDayCalendar({ holidays: ['2025-13-01x'], makeUpWorkdays: [] })).toThrow(
      /holidays/,
    )
    expect(() => plain.addWorkingDays(new Date(), -1)).toThrow(/n must be/)
  })
})

describe('the official calendar', () => {
  const official = new WorkingDayCalendar(withOfficialDays({ holidays: [], makeUpWorkdays: [] }))

  it('knows the State Council arrangement without any configuration (Spring Festival 2026)', () => {
    // 15–23 February off; Saturday 14 and Saturday 28 February worked.
    expect(official.isWorkingDay('2026-02-16')).toBe(false)
    expect(official.isWorkingDay('2026-02-14')).toBe(true)
    // Filed Friday 13 February: Sat 14 is worked, then nothing until Tuesday 24.
    expect(official.addWorkingDays(at('2026-02-13T10:00:00+08:00'), 1)).toBe('2026-02-14')
    expect(official.addWorkingDays(at('2026-02-13T10:00:00+08:00'), 2)).toBe('2026-02-24')
  })

  it('lets configured days override it', () => {
    const local = new WorkingDayCalendar(withOfficialDays({ holidays: ['2026-02-14'], makeUpWorkdays: [] }))
    expect(local.isWorkingDay('2026-02-14')).toBe(false)
    expect(OFFICIAL_DAYS_UNTIL).toBeGreaterThanOrEqual(2026)
  })
})
