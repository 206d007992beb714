import type { FastifyInstance } from 'fastify'
import { idempotencyHeaders } from '../../platform/http/idempotency.ts'
import { pageQuery } from '../../platform/http/page-query.ts'
import { AUTHENTICATED_ERRORS, problemResponses, WRITE_ERRORS } from '../../platform/http/route-schemas.ts'
import { ref } from '../../platform/schemas/schema-catalog.ts'
import type { DepartmentCreate, DepartmentUpdate } from '../../schemas/generated/types.ts'
import type { DepartmentService, ListDepartmentsQuery } from './department-service.ts'

/**
 * Departments: anyone authenticated reads them (consumers pick providers, stewards see their own);
 * only admins register and change them. Shapes are checked here by schema, rules in the service.
 */

interface CodeParams {
  code: string
}

const codeParams = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: { code: { type: 'string', description: 'The department code, e.g. `lf-hrss`.' } },
}

const levels = ['province', 'city', 'county', 'township', 'village']

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    level: { type: 'string', enum: levels, description: 'Only departments of this level.' },
    kind: { type: 'string', enum: ['government', 'external'], description: 'Only departments of this kind.' },
    divisionCode: {
      type: 'string',
      pattern: '^[0-9]{6}$',
      description: 'Only departments of this GB/T 2260 division.',
    },
    parent: { type: 'string', description: 'Only departments directly below this one.' },
    q: { type: 'string', minLength: 1, maxLength: 100, description: 'Part of the name, case-insensitive.' },
    ...pageQuery('departments', 50),
    // Its own words for the cursor, kept so the API document does not change.
    cursor: {
      type: 'string',
      maxLength: 200,
      description: 'The `nextCursor` of the previous page; omit for the first page.',
    },
  },
}

/** What the department routes need from the composition root (hub/services.ts). */
export interface DepartmentServices {
  departments: DepartmentService
}

export async function departmentRoutes(
  app: FastifyInstance,
  { services }: { services: DepartmentServices },
): Promise<void> {
  const { departments } = services

  app.get<{ Querystring: ListDepartmentsQuery }>(
    '/v1/departments',
    {
      schema: {
        tags: ['directory'],
        operationId: 'listDepartments',
        summary: 'List departments in code order, filtered, one page at a time',
        querystring: listQuery,
        response: { 200: ref('department-list.json'), ...problemResponses(400, ...AUTHENTICATED_ERRORS) },
      },
    },
    async (request) => departments.list(request.query),
  )

  app.get<{ Params: CodeParams }>(
    '/v1/departments/:code',
    {
      schema: {
        tags: ['directory'],
        operationId: 'getDepartment',
        summary: 'One department by code',
        params: codeParams,
        response: { 200: ref('department.json'), ...problemResponses(...AUTHENTICATED_ERRORS, 404) },
      },
    },
    async (request) => departments.get(request.params.code),
  )

  app.post<{ Body: DepartmentCreate; Headers: { 'idempotency-key'?: string } }>(
    '/v1/departments',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        operationId: 'createDepartment',
        summary: 'Register a department',
        headers: idempotencyHeaders,
        body: ref('department-create.json'),
        response: { 201: ref('department.json'), ...problemResponses(...WRITE_ERRORS) },
      },
    },
    async (request, reply) => {
      const { department, replayed } = await departments.create(request.body, {
        subject: request.principal.subject,
        idempotencyKey: request.headers['idempotency-key'],
      })
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply.code(201).header('location', `/v1/departments/${department.code}`).send(department)
    },
  )

  app.patch<{ Params: CodeParams; Body: DepartmentUpdate }>(
    '/v1/departments/:code',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin'],
        operationId: 'updateDepartment',
        summary: "Change a department's name, credit code or parent",
        params: codeParams,
        body: ref('department-update.json'),
        response: { 200: ref('department.json'), ...problemResponses(...WRITE_ERRORS, 404) },
      },
    },
    async (request) => departments.update(request.params.code, request.body),
  )
}
