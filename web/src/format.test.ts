import { describe, expect, it } from 'vitest'
import {
  addDays,
  daysUntil,
  enumKey,
  formatCount,
  formatDate,
  formatDateTime,
  todayInShanghai,
} from './format.ts'

describe('formatting', () => {
  it('shows instants in Beijing time', () => {
    expect(formatDateTime('2026-12-04T23:50:00Z')).toBe('2026-12-05 07:50')
    expect(formatDate('2026-12-04T17:00:00Z')).toBe('2026-12-05')
    expect(formatDate('2026-12-31')).toBe('2026-12-31')
    expect(formatDateTime(null)).toBe('—')
  })

  it('knows the Beijing date and counts days', () => {
    expect(todayInShanghai(new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05')
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(daysUntil('2026-12-10T00:00:00Z', new Date('2026-12-08T12:00:00Z'))).toBe(2)
    expect(daysUntil('2026-12-01T00:00:00Z', new Date('2026-12-03T00:00:00Z'))).toBe(-2)
  })

  it('writes counts with thousands separators as zh-CN does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, -4321])
      expect(formatCount(n)).toBe(n.toLocaleString('zh-CN'))
  })

  it('names enumeration labels by kind and value', () => {
    expect(enumKey('shareType', 'not-shared')).toBe('enum.shareType.not-shared')
    expect(enumKey('status', null)).toBe('enum.status.none')
  })
})
