/**
 * Mainland China mobile numbers and personal-name masking for display (standards.md §6.5: mobile
 * keeps first 3 + last 4, names keep the surname).
 */

// 11 digits starting 13–19. The finer segment allocation (which 3-digit prefixes are in service)
// changes as MIIT assigns new blocks, so it is deliberately not encoded here.
const MOBILE = /^1[3-9]\d{9}$/
// Written forms seen in source systems: +86 / 0086 / 86 country prefix, blanks or hyphens as
// group separators ("138 1234 5678", "138-1234-5678").
const SEPARATORS = /[\s-]/g
const COUNTRY_PREFIX = /^(?:\+86|0086|86)(?=\d{11}$)/

export type MobileFailure = 'bad-format'

export type MobileResult = { ok: true; normalized: string } | { ok: false; reason: MobileFailure }

export function validateMobile(value: string): MobileResult {
  const normalized = value.replace(SEPARATORS, '').replace(COUNTRY_PREFIX, '')
  return MOBILE.test(normalized) ? { ok: true, normalized } : { ok: false, reason: 'bad-format' }
}

export function isValidMobile(value: string): boolean {
  return validateMobile(value).ok
}

/**
 * `13812345678` → `138****5678`. Input that is not a mobile number is masked completely: a
 * partial rule applied to an unknown shape could reveal most of whatever it actually is.
 */
export function maskMobile(value: string): string {
  const result = validateMobile(value)
  if (!result.ok) return '*'.repeat(value.trim().length)
  return `${result.normalized.slice(0, 3)}****${result.normalized.slice(7)}`
}

// Two-character surnames common enough to matter; without this, 欧阳娜娜 would show as 欧* and
// hide part of the surname while looking like a different family name.
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '钟离',
  '闻人',
  '赫连',
  '澹台',
  '万俟',
  '申屠',
  '淳于',
  '濮阳',
  '宗政',
  '公冶',
  '太叔',
])

/**
 * Keeps the surname and replaces the given name with a single `*` (`张三丰` → `张*`,
 * `欧阳娜娜` → `欧阳*`): one star whatever the length, so the mask does not leak how long the
 * given name is. A compound surname is only recognised when a given name follows it, so the
 * two-character name 欧阳 is read as surname 欧. A one-character value is fully masked, since
 * showing it would show everything. Works on code points, so rare characters outside the BMP
 * (e.g. 𠀾) are never split in half.
 */
export function maskName(value: string): string {
  const chars = Array.from(value.trim())
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  const firstTwo = chars.slice(0, 2).join('')
  const surname = chars.length > 2 && COMPOUND_SURNAMES.has(firstTwo) ? firstTwo : chars[0]!
  return `${surname}*`
}
