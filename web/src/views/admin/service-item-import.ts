import type { Problem } from '../../api/problem.ts'
import { validate } from '../../validation.ts'

/**
 * The 事项 import as a person reads it: the file as sent (CSV as it is, JSON as an `items` array),
 * and every problem grouped by where it is — the CSV line (the header is line 1) or the n-th item of
 * a JSON file — with the column and a message key under `serviceItems.message.` (or `validation.`).
 */

export type ImportFile = { kind: 'csv'; text: string } | { kind: 'json'; items: unknown[] }

/** One line (CSV) or item (JSON) with problems; `line: 0` for the file as a whole. */
export interface ImportPlace {
  kind: 'line' | 'item'
  line: number
  fields: { column: string; material?: number; key: string; params: Record<string, string> }[]
}

/** The CSV header the API reads (service-item-csv.ts), to show in the dialog. */
export const CSV_HEADER =
  'code,implementationCode,name,type,department,legalBasis,promisedWorkingDays,oneVisit,materialCode,materialName,materialRequired,paperCopies,certificateTypes,resourceCodes'

/** Reads a chosen file: `.json` (or text starting with `{`/`[`) as JSON, anything else as CSV. */
export function readImportFile(name: string, text: string): ImportFile {
  const body = text.replace(/^\uFEFF/, '')
  if (/\.json$/i.test(name) || /^\s*[[{]/.test(body)) {
    const parsed: unknown = JSON.parse(body)
    const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown } | null)?.items
    if (!Array.isArray(items)) throw new Error('no items array')
    return { kind: 'json', items }
  }
  if (body.trim() === '') throw new Error('empty file')
  return { kind: 'csv', text: body }
}

/** JSON items checked with the API's own draft schema before anything is sent. */
export function checkJsonItems(items: readonly unknown[]): ImportPlace[] {
  const out: ImportPlace[] = []
  items.forEach((item, i) => {
    const issues = validate('service-item-draft.json', item)
    if (issues.length === 0) return
    out.push({
      kind: 'item',
      line: i + 1,
      fields: issues.map((issue) => {
        const m = /^materials\.(\d+)\.(.+)$/.exec(issue.path)
        return {
          column: m ? m[2]! : issue.path,
          ...(m ? { material: Number(m[1]) + 1 } : {}),
          key: `validation.${issue.key}`,
          params: Object.fromEntries(Object.entries(issue.params).map(([k, v]) => [k, String(v)])),
        }
      }),
    })
  })
  return out
}

/** The API's refusal of an import, by line (CSV) or item (JSON), in line order. */
export function importProblemPlaces(problem: Problem): ImportPlace[] {
  const places = new Map<string, ImportPlace>()
  for (const e of problem.errors ?? []) {
    const csv = /^\/body\/rows\/(\d+)\/([^/]+)/.exec(e.path)
    const json = /^\/body\/items\/(\d+)(?:\/materials\/(\d+))?\/?([^/]*)/.exec(e.path)
    const kind = json ? 'item' : 'line'
    const line = csv ? Number(csv[1]) : json ? Number(json[1]) + 1 : 0
    const place = places.get(`${kind}${line}`) ?? { kind, line, fields: [] }
    place.fields.push({
      column: csv?.[2] ?? json?.[3] ?? '',
      ...(json?.[2] !== undefined ? { material: Number(json[2]) + 1 } : {}),
      ...messageOf(e.message),
    })
    places.set(`${kind}${line}`, place)
  }
  return [...places.values()].sort((a, b) => a.line - b.line)
}

/** The API writes field messages in English (service-item-csv.ts, service-item-rules.ts). */
export function messageOf(message: string): { key: string; params: Record<string, string> } {
  const key = (k: string, params: Record<string, string> = {}) => ({
    key: `serviceItems.message.${k}`,
    params,
  })
  const quoted = /"([^"]*)"/.exec(message)?.[1] ?? ''
  if (/^must not be (empty|blank)/.test(message)) return key('required')
  if (/^must be one of /.test(message))
    return key('oneOf', { values: message.replace(/^must be one of /, '') })
  if (/^must be true or false/.test(message)) return key('boolean')
  if (/^must be a whole number/.test(message)) return key('wholeNumber')
  if (/^must be 1–32 letters/.test(message)) return key('materialCode')
  if (/^differs from the first row/.test(message)) return key('differs')
  if (/^unknown column/.test(message)) return key('unknownColumn')
  if (/header lacks/.test(message)) return key('missingColumn')
  if (/^unknown certificate type/.test(message)) return key('unknownCertificateType', { value: quoted })
  if (/^unknown directory resource/.test(message)) return key('unknownResource', { value: quoted })
  if (/not a known department/.test(message)) return key('unknownDepartment')
  if (/already exists/.test(message)) return key('exists')
  if (/^repeats item/.test(message)) return key('repeats')
  if (/^repeats material/.test(message)) return key('repeatsMaterial')
  if (/code pattern/.test(message)) return key('codePattern')
  if (/unified social credit code/.test(message)) return key('creditCode')
  if (/division code/.test(message)) return key('division')
  if (/not your department/.test(message)) return key('notYours')
  if (/^no rows after the header/.test(message)) return key('noRows')
  return { key: 'validation.server', params: { message } }
}
