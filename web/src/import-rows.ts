import { fieldPath, type Problem } from './api/problem.ts'
import { validate } from './validation.ts'

/** One row of an import file that has problems: its 1-based number and what is wrong, per field. */
export interface ImportRowProblem {
  row: number
  fields: { path: string; message: string }[]
}

/** Reads an import file: `{"resources": [...]}` or a bare array of drafts. */
export function parseImportFile(text: string): unknown[] {
  const parsed: unknown = JSON.parse(text)
  if (Array.isArray(parsed)) return parsed
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { resources?: unknown }).resources)) {
    return (parsed as { resources: unknown[] }).resources
  }
  throw new Error('no resources array')
}

/** Checks every row with the API's draft schema; messages are i18n keys under `validation.`. */
export function checkImportRows(rows: unknown[]): ImportRowProblem[] {
  const out: ImportRowProblem[] = []
  rows.forEach((row, index) => {
    const issues = validate('resource-draft.json', row)
    if (issues.length) {
      out.push({
        row: index + 1,
        fields: issues.map((i) => ({ path: i.path, message: `validation.${i.key}` })),
      })
    }
  })
  return out
}

/** The API's refusal of an import (paths `/body/resources/<row>/…`) grouped by row. */
export function importProblemRows(problem: Problem): ImportRowProblem[] {
  const rows = new Map<number, ImportRowProblem>()
  for (const e of problem.errors ?? []) {
    const match = /^\/body\/resources\/(\d+)(\/.*)?$/.exec(e.path)
    const row = match ? Number(match[1]) + 1 : 0
    const entry = rows.get(row) ?? { row, fields: [] }
    entry.fields.push({ path: match?.[2] ? fieldPath(match[2]) : '', message: e.message })
    rows.set(row, entry)
  }
  return [...rows.values()].sort((a, b) => a.row - b.row)
}
