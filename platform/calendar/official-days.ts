import official from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import type { CalendarSettings } from './working-days.ts'

/**
 * China's official holidays and make-up working days (调休上班) as the State Council publishes them
 * each year, from the maintained `chinese-days` dataset (2004 to the last announced year; it updates
 * when the next year's arrangement is out, usually in November). Days the operator sets
 * (`WORKDAY_HOLIDAYS`, `WORKDAY_MAKEUP_DAYS`) override it: a local holiday, a correction, or the next
 * year before the package has it.
 */
export const OFFICIAL_DAYS: CalendarSettings = {
  holidays: Object.keys(official.holidays).sort(),
  makeUpWorkdays: Object.keys(official.workdays).sort(),
}

/** The last year the dataset covers, so operators can tell when the override is needed. */
export const OFFICIAL_DAYS_UNTIL = Number(OFFICIAL_DAYS.holidays.at(-1)?.slice(0, 4))

/** The official days with the configured ones on top (a configured day wins over the dataset). */
export function withOfficialDays(configured: CalendarSettings): {
  holidays: string[]
  makeUpWorkdays: string[]
} {
  const holidays = new Set(configured.holidays)
  const makeUp = new Set(configured.makeUpWorkdays)
  return {
    holidays: [...new Set([...OFFICIAL_DAYS.holidays.filter((d) => !makeUp.has(d)), ...holidays])].sort(),
    makeUpWorkdays: [
      ...new Set([...OFFICIAL_DAYS.makeUpWorkdays.filter((d) => !holidays.has(d)), ...makeUp]),
    ].sort(),
  }
}
