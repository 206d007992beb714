import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { loadSchemaFiles } from '../platform/schemas/schema-catalog.ts'
import type { CanonicalRecord, RecordKindInfo } from './adapter-contract.ts'

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

let compiled: Map<string, ValidateFunction> | undefined

function validators(): Map<string, ValidateFunction> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false })
    addFormats(ajv)
    compiled = new Map()
    for (const { file, schema } of loadSchemaFiles()) {
      if (file.startsWith('records/')) compiled.set(file, ajv.compile(schema))
    }
  }
  return compiled
}

export interface RecordProblem {
  index: number
  problems: string[]
}

/** Problems of each record that breaks its kind's canonical schema (empty when all are valid). */
export function checkRecords(info: RecordKindInfo, records: readonly CanonicalRecord[]): RecordProblem[] {
  const validate = validators().get(info.schema)
  if (!validate) throw new Error(`no canonical schema ${info.schema} for kind ${info.kind}`)
  const out: RecordProblem[] = []
  records.forEach((record, index) => {
    if (!validate(record.data)) {
      out.push({
        index,
        problems: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
      })
    }
  })
  return out
}
