import { pageQuery } from '../../platform/http/page-query.ts'

/** Params, query and header schemas of the resource routes (bodies and responses live in schemas/). */

export interface CodeParams {
  code: string
}
export interface VersionParams extends CodeParams {
  version: number
}

export const codeProperty = {
  type: 'string',
  pattern: '^[0-9]{6,18}[/-][0-9]{1,12}$',
  description:
    'The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`.',
}
export const codeParams = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code: codeProperty },
}
export const versionParams = {
  type: 'object',
  required: ['code', 'version'],
  additionalProperties: false,
  properties: {
    code: codeProperty,
    version: { type: 'integer', minimum: 1, description: 'Version number.' },
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
        'Keywords (Chinese or English); every word must match name, summary, items, provider or code.',
    },
    class: {
      type: 'string',
      enum: ['basic', 'thematic', 'departmental'],
      description: 'Only this catalog class.',
    },
    provider: { type: 'string', maxLength: 32, description: 'Only resources of this department.' },
    shareType: {
      type: 'string',
      enum: ['unconditional', 'conditional', 'not-shared'],
      description: 'Only this share type.',
    },
    format: {
      type: 'string',
      enum: ['file', 'spreadsheet', 'database', 'image', 'streaming', 'self-describing'],
      description: 'Only this format category.',
    },
    updateCycle: {
      type: 'string',
      enum: ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly', 'other'],
      description: 'Only this update cycle.',
    },
    division: {
      type: 'string',
      pattern: '^[0-9]{6}$',
      description: 'Only resources whose provider is in this GB/T 2260 division.',
    },
    status: {
      type: 'string',
      enum: ['draft', 'submitted', 'published', 'deprecated', 'withdrawn'],
      description:
        'Only this status (drafts, submissions and withdrawn entries only where the caller may see them).',
    },
    sort: {
      type: 'string',
      enum: ['relevance', 'name', 'published'],
      description:
        'Order: `relevance` (default with `q`), `name` (default without), `published` (newest first).',
    },
    ...pageQuery('resources', 20, 500),
  },
}

export const etagHeaders = {
  type: 'object',
  properties: {
    'if-none-match': {
      type: 'string',
      maxLength: 200,
      description: 'An ETag from an earlier read: 304 when unchanged.',
    },
  },
}
