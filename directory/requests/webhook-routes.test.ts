import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoData } from '../../demo/demo-seed.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import { accessDraft, publishResource, requestBody, tokensFor, type Who } from './access-test-support.ts'
import { type DeliveryJob, sign, WebhookService } from './webhook-service.ts'

const hub = useTestApp()
let tokens: Record<Who, string>
let receiver: Server
let receiverUrl: string
let answer = 204
const received: { headers: IncomingHttpHeaders; body: string }[] = []
const SECRET = 'a-webhook-secret-of-at-least-32-chars!'

beforeAll(async () => {
  await seedDemoData(hub.database.db)
  tokens = await tokensFor(hub)
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.statusCode = answer
      res.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/access`
})

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve))
})

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: Who, payload?: object) =>
  hub.app.inject({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } })

describe('access webhooks', () => {
  it('only the department itself (or an admin) sets it; the secret is never shown', async () => {
    const other = await call('PUT', '/v1/access-webhooks/lf-approval', 'steward', {
      url: receiverUrl,
      secret: SECRET,
    })
    expect(other.statusCode).toBe(403)
    const short = await call('PUT', '/v1/access-webhooks/lf-approval', 'consumer', {
      url: receiverUrl,
      secret: 'short',
    })
    expect(short.statusCode).toBe(400)
    expect(Number((await hub.database.db('access_webhooks').count({ n: '*' }).first())?.n)).toBe(0)

    const set = await call('PUT', '/v1/access-webhooks/lf-approval', 'consumer', {
      url: receiverUrl,
      secret: SECRET,
    })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toEqual({
      department: 'lf-approval',
      url: receiverUrl,
      updatedBy: 'approval-officer',
      updatedAt: expect.any(String),
    })
    expect((await call('GET', '/v1/access-webhooks/lf-approval', 'clerk')).statusCode).toBe(403)
    expect((await call('GET', '/v1/access-webhooks/lf-hrss', 'steward')).statusCode).toBe(404)
  })

  it('posts every change of the department’s requests once, signed, and retries on failure', async () => {
    const code = await publishResource(hub, tokens, accessDraft('40001', 'unconditional'))
    const filed = await call('POST', '/v1/access-requests', 'consumer', requestBody(code))
    expect(filed.json().status).toBe('granted')

    const jobs: { job: DeliveryJob; jobId: string }[] = []
    const service = new WebhookService(hub.database.db)
    const enqueue = async (job: DeliveryJob, jobId: string) => void jobs.push({ job, jobId })
    expect(await service.dispatch(enqueue)).toBe(2)
    expect(await service.dispatch(enqueue)).toBe(0)
    // lf-hrss has no webhook: only the consumer's deliveries are queued.
    expect(jobs.map((j) => j.job.department)).toEqual(['lf-approval', 'lf-approval'])
    expect(jobs.map((j) => j.job.delivery.type)).toEqual(['access.requested', 'access.granted'])

    for (const { job } of jobs) await service.deliver(job)
    expect(received).toHaveLength(2)
    const [first] = received
    expect(first!.headers['x-hub-event-type']).toBe('access.requested')
    expect(first!.headers['x-hub-signature']).toBe(
      sign(SECRET, String(first!.headers['x-hub-timestamp']), first!.body),
    )
    expect(JSON.parse(first!.body)).toMatchObject({
      requestId: filed.json().id,
      consumerDepartment: 'lf-approval',
    })

    answer = 503
    await expect(service.deliver(jobs[1]!.job)).rejects.toThrow(/answered 503/)
    answer = 204
  })

  it('removing it stops deliveries', async () => {
    expect((await call('DELETE', '/v1/access-webhooks/lf-approval', 'consumer')).statusCode).toBe(204)
    expect((await call('DELETE', '/v1/access-webhooks/lf-approval', 'consumer')).statusCode).toBe(404)
  })
})
