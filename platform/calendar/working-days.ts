/**
 * The working-day calendar of decision deadlines (国发〔2016〕51号: a provider answers within N working
 * days). A day is a working day when it is Monday–Friday and not a configured holiday, or when it is a
 * configured make-up workday (调休上班, usually a Saturday or Sunday next to a long holiday). Dates are
 * China Standard Time calendar dates: a request filed at 23:30 in Shanghai counts from that Shanghai day,
 * whatever the server's zone. China has no daylight saving time, so the offset is a constant.
 */

const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export interface CalendarSettings {
  /** `YYYY-MM-DD` days off that would otherwise be working days. */
  holidays: readonly string[]
  /** `YYYY-MM-DD` weekend days that are worked. */
  makeUpWorkdays: readonly string[]
}

/** The Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The first instant after the Shanghai day `date` (so "before the deadline" is `now < result`). */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - SHANGHAI_OFFSET_MS)
}

/** The first instant of the Shanghai day `date`. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS)
}

function checkDates(name: string, dates: readonly string[]): Set<string> {
  for (const date of dates) {
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      throw new Error(`${name}: "${date}" is not a YYYY-MM-DD date`)
    }
  }
  return new Set(dates)
}

export class WorkingDayCalendar {
  private readonly holidays: Set<string>
  private readonly makeUpWorkdays: Set<string>

  constructor(settings: CalendarSettings) {
    this.holidays = checkDates('holidays', settings.holidays)
    this.makeUpWorkdays = checkDates('makeUpWorkdays', settings.makeUpWorkdays)
  }

  /** Whether the Shanghai calendar date `date` (`YYYY-MM-DD`) is worked. */
  isWorkingDay(date: string): boolean {
    if (this.makeUpWorkdays.has(date)) return true
    if (this.holidays.has(date)) return false
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    return weekday !== 0 && weekday !== 6
  }

  /**
   * The Shanghai date of the `n`-th working day after the day of `from` (the day of filing itself does
   * not count, as in 51号 practice: filed Monday, 1 working day ⇒ Tuesday). `n = 0` is the filing day.
   */
  addWorkingDays(from: Date, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new Error('addWorkingDays: n must be an integer ≥ 0')
    let day = Date.parse(`${shanghaiDate(from)}T00:00:00Z`)
    let left = n
    // A year of holidays in a row would be a configuration error, not a calendar; stop instead of spinning.
    for (let guard = 0; left > 0; guard++) {
      if (guard > 3660) throw new Error('addWorkingDays: no working day found within ten years')
      day += DAY_MS
      if (this.isWorkingDay(new Date(day).toISOString().slice(0, 10))) left--
    }
    return new Date(day).toISOString().slice(0, 10)
  }

  /** The instant a decision is due: the end of the `n`-th working day after `from`. */
  deadline(from: Date, n: number): Date {
    return endOfShanghaiDay(this.addWorkingDays(from, n))
  }
}
