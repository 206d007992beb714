import type { ResourceCode } from '../../schemas/generated/types.ts'

/**
 * Resource codes (政务信息资源代码, 1272号 guide): classification code 类(1) 项(2) 目(3) 细目(variable)
 * followed by "/" and the sequence code 顺序码 (variable). Stored as parts, rendered for people and
 * URLs. Because 类/项/目 have fixed widths, the rendered form parses back unambiguously.
 */

export type ResourceClass = 'basic' | 'thematic' | 'departmental'

export const CLASS_BY_LEI: Record<string, ResourceClass> = {
  '1': 'basic',
  '2': 'thematic',
  '3': 'departmental',
}
export const LEI_BY_CLASS: Record<ResourceClass, string> = { basic: '1', thematic: '2', departmental: '3' }

// 项 enumerates the guide's sub-classes: 5 basic (人口, 法人, 自然资源和空间地理, 社会信用, 电子证照)
// and 12 thematic ones; for departmental resources it numbers the organ, so any 01–99 is fine.
const MAX_XIANG: Record<string, number> = { '1': 5, '2': 12, '3': 99 }

const RENDERED = /^([0-9])([0-9]{2})([0-9]{3})([0-9]{0,12})[/-]([0-9]{1,12})$/

export function renderCode(code: ResourceCode): string {
  return `${code.lei}${code.xiang}${code.mu}${code.ximu ?? ''}/${code.seq}`
}

/** The parts of a rendered code (`/` or, for URLs that cannot carry a slash, `-` before the sequence). */
export function parseCode(rendered: string): Required<ResourceCode> | undefined {
  const m = RENDERED.exec(rendered)
  if (!m) return undefined
  return { lei: m[1]!, xiang: m[2]!, mu: m[3]!, ximu: m[4]!, seq: m[5]! }
}

/** What is wrong with the parts (empty when valid); the shapes are already checked by JSON Schema. */
export function codeProblems(code: ResourceCode): string[] {
  const problems: string[] = []
  const max = MAX_XIANG[code.lei]
  if (max === undefined) {
    problems.push(`类 must be 1 (基础), 2 (主题) or 3 (部门), not ${code.lei}`)
  } else {
    const xiang = Number(code.xiang)
    if (!/^[0-9]{2}$/.test(code.xiang) || xiang < 1 || xiang > max) {
      problems.push(`项 must be 01–${String(max).padStart(2, '0')} for 类 ${code.lei}`)
    }
  }
  if (!/^[0-9]{3}$/.test(code.mu) || code.mu === '000') problems.push('目 must be 001–999')
  if (!/^[0-9]{0,12}$/.test(code.ximu ?? '')) problems.push('细目 must be 0–12 digits')
  if (!/^[0-9]{1,12}$/.test(code.seq) || /^0+$/.test(code.seq)) {
    problems.push('顺序码 must be 1–12 digits, not all zeros')
  }
  return problems
}

export function classOf(code: ResourceCode): ResourceClass {
  return CLASS_BY_LEI[code.lei] ?? 'departmental'
}
