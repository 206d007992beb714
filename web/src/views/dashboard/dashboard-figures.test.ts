import { describe, expect, it } from 'vitest'
import {
  type DashboardData,
  departmentRates,
  headline,
  materialsBy,
  monthRows,
  percent,
} from './dashboard-figures.ts'

const row = (serviceItemCode: string, departmentCode: string, required: number, replaced: number) => ({
  serviceItemCode,
  departmentCode,
  cases: 1,
  required,
  replaced,
  ratio: replaced / required,
  meetsYearOne: false,
  meetsYearTwo: false,
})

const data: DashboardData = {
  statistics: {
    from: '2025-12-05T00:00:00Z',
    to: '2026-12-05T00:00:00Z',
    departments: [
      {
        department: 'a',
        accepted: 10,
        completed: 8,
        completedOnTime: 6,
        overdueOpen: 1,
        completedInOneVisit: 4,
        materialsShared: 3,
        materialsPaper: 5,
      },
      {
        department: 'b',
        accepted: 4,
        completed: 2,
        completedOnTime: 2,
        overdueOpen: 0,
        completedInOneVisit: 2,
        materialsShared: 1,
        materialsPaper: 1,
      },
    ],
  },
  avoided: {
    from: '2025-12-05T00:00:00Z',
    to: '2026-12-05T00:00:00Z',
    goals: { yearOne: 0.3, yearTwo: 0.6 },
    total: { ...row('x', 'x', 30, 12), serviceItemCode: null, departmentCode: null },
    items: [row('i1', 'a', 10, 2), row('i2', 'a', 10, 8), row('i1', 'b', 10, 2)],
  },
  indicators: {
    from: '2025-12-05T00:00:00Z',
    to: '2026-12-05T00:00:00Z',
    scope: { department: null },
    goals: { yearOne: 0.3, yearTwo: 0.6 },
    months: [
      {
        month: '2026-11',
        accepted: 3,
        completed: 0,
        completedOnTime: 0,
        completedInOneVisit: 0,
        materialsRequired: 0,
        materialsReplaced: 0,
        exchangesAllowed: 7,
        exchangesDenied: 1,
      },
    ],
    overdueRequests: [{ department: 'c', overdue: 2 }],
    adapters: [
      { name: 'hrss', department: 'a', status: 'up', breaker: 'closed' },
      { name: 'fund', department: 'b', status: 'down', breaker: 'open' },
    ],
  },
}

describe('dashboard figures', () => {
  it('sums materials per department and per item, best first', () => {
    expect(materialsBy(data.avoided, 'departmentCode')).toEqual([
      { code: 'a', required: 20, replaced: 10, percent: 50 },
      { code: 'b', required: 10, replaced: 2, percent: 20 },
    ])
    expect(materialsBy(data.avoided, 'serviceItemCode').map((r) => [r.code, r.percent])).toEqual([
      ['i2', 80],
      ['i1', 20],
    ])
  })

  it('gives rates of completed cases and counts overdue requests of departments without cases', () => {
    expect(departmentRates(data)).toEqual([
      {
        code: 'a',
        completed: 8,
        oneVisitPercent: 50,
        onTimePercent: 75,
        overdueCases: 1,
        overdueRequests: 0,
      },
      {
        code: 'b',
        completed: 2,
        oneVisitPercent: 100,
        onTimePercent: 100,
        overdueCases: 0,
        overdueRequests: 0,
      },
      { code: 'c', completed: 0, oneVisitPercent: 0, onTimePercent: 0, overdueCases: 0, overdueRequests: 2 },
    ])
  })

  it('adds up the headline over every department', () => {
    expect(headline(data)).toEqual({
      materialsPercent: 40,
      oneVisitPercent: 60,
      onTimePercent: 80,
      overdueCases: 1,
      overdueRequests: 2,
      exchanges: 7,
      adaptersUp: 1,
      adapters: 2,
    })
    expect(monthRows(data.indicators)[0]).toMatchObject({ materialsPercent: 0, exchangesAllowed: 7 })
    expect(percent(1, 3)).toBe(33.3)
  })
})
