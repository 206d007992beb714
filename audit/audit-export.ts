import type { AuditRecord } from '../schemas/generated/types.ts'
import type { ExportFormat } from './audit-service.ts'

/** Serialises an export lazily, one line per record, so memory stays flat however wide it is. */

const CSV_COLUMNS: (keyof AuditRecord)[] = [
  'id',
  'occurredAt',
  'principal',
  'department',
  'roles',
  'action',
  'resourceType',
  'resourceId',
  'subjectMasked',
  'items',
  'purpose',
  'caseNumber',
  'grantId',
  'outcome',
  'reason',
  'requestId',
  'clientAddress',
  'details',
  'prevHash',
  'hash',
]

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = Array.isArray(value)
    ? value.join(';')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value)
  // A leading = + - @ makes spreadsheets evaluate the cell; an audit export must not run formulas.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
}

export async function* serialiseExport(
  records: AsyncIterable<AuditRecord>,
  format: ExportFormat,
): AsyncGenerator<string> {
  if (format === 'csv') yield `${CSV_COLUMNS.join(',')}\n`
  for await (const record of records) {
    yield format === 'csv'
      ? `${CSV_COLUMNS.map((c) => csvCell(record[c])).join(',')}\n`
      : `${JSON.stringify(record)}\n`
  }
}
