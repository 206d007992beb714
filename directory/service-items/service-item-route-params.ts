import { pageQuery } from '../../platform/http/page-query.ts'

/** Params and query schemas of the 事项 catalog routes (bodies and responses live in schemas/). */

export interface CodeParams {
  code: string
}
export interface VersionParams extends CodeParams {
  version: number
}
export interface MaterialParams extends CodeParams {
  materialCode: string
}

const code = { type: 'string', minLength: 1, maxLength: 64, description: 'The service item code (基本编码).' }

export const codeParams = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code },
}
export const versionParams = {
  type: 'object',
  required: ['code', 'version'],
  additionalProperties: false,
  properties: { code, version: { type: 'integer', minimum: 1, description: 'Version number.' } },
}
export const materialParams = {
  type: 'object',
  required: ['code', 'materialCode'],
  additionalProperties: false,
  properties: {
    code,
    materialCode: { type: 'string', minLength: 1, maxLength: 64, description: 'The material code.' },
  },
}

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description:
        'Keywords (e.g. `登记`, `公积金 贷款`); every word must match code, name, department or a material.',
    },
    department: { type: 'string', maxLength: 32, description: 'Only items of this handling department.' },
    type: { $ref: 'service-item-type.json#' },
    status: { type: 'string', enum: ['active', 'retired'], description: 'Only items with this status.' },
    origin: {
      type: 'string',
      enum: ['local', 'province'],
      description: 'Only items maintained in the hub (`local`) or synced from the province (`province`).',
    },
    ...pageQuery('items', 20, 500),
  },
}
