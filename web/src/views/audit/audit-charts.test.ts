import { describe, expect, it } from 'vitest'
import { denialsByReason, isOffHours, perDepartmentDay, topConsumers, weekdayHour } from './audit-charts.ts'

const g = (
  key: string | null,
  total: number,
  extra: { subKey?: string; allowed?: number; denied?: number } = {},
) => ({
  key,
  total,
  allowed: extra.allowed ?? total - (extra.denied ?? 0),
  denied: extra.denied ?? 0,
  ...(extra.subKey ? { subKey: extra.subKey } : {}),
})

describe('the audit charts’ data', () => {
  it('lays out a department per day with zeros for quiet days, busiest departments first', () => {
    const shaped = perDepartmentDay(
      [
        g('lf-hfund', 3, { subKey: '2026-12-01' }),
        g('lf-hrss', 1, { subKey: '2026-12-02' }),
        g('lf-hfund', 2, { subKey: '2026-12-02' }),
      ],
      1,
    )
    expect(shaped.days).toEqual(['2026-12-01', '2026-12-02'])
    expect(shaped.departments).toEqual([{ department: 'lf-hfund', total: 5 }])
    expect(shaped.series).toEqual([{ department: 'lf-hfund', counts: [3, 2] }])
  })

  it('counts denials by reason, leaves out allowed groups, and ranks consumers by allowed accesses', () => {
    expect(
      denialsByReason([g(null, 9), g('not-granted', 4, { denied: 4 }), g('role-required', 6, { denied: 6 })]),
    ).toEqual([
      { reason: 'role-required', denied: 6 },
      { reason: 'not-granted', denied: 4 },
    ])
    expect(topConsumers([g('a', 5, { denied: 5 }), g('b', 2), g(null, 7), g('c', 3)])).toEqual([
      { department: 'c', allowed: 3 },
      { department: 'b', allowed: 2 },
    ])
  })

  it('puts weekday × hour cells on the heat map and totals the off-hours ones', () => {
    expect([
      isOffHours(1, 7),
      isOffHours(1, 8),
      isOffHours(5, 17),
      isOffHours(5, 18),
      isOffHours(6, 10),
    ]).toEqual([true, false, false, true, true])
    const heat = weekdayHour([
      g('1', 4, { subKey: '09' }),
      g('2', 3, { subKey: '23' }),
      g('7', 2, { subKey: '10' }),
    ])
    expect(heat.cells).toEqual([
      [9, 0, 4],
      [23, 1, 3],
      [10, 6, 2],
    ])
    expect(heat.offHours).toBe(5)
    expect(heat.max).toBe(4)
  })
})
