import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../../test/support/test-app.ts'
import { startCaseBackground } from './case-feature.ts'
import { accepted, seedCaseWorld, step } from './case-test-support.ts'

/** A stand-in for the provincial platform that can be taken down; it keeps what it accepted. */
const province = {
  up: true,
  accepted: [] as Record<string, string>[],
  server: undefined as Server | undefined,
  url: '',
}

beforeAll(async () => {
  province.server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => {
      raw += c
    })
    req.on('end', () => {
      if (!province.up) {
        res.writeHead(503).end()
        return
      }
      const body = raw ? (JSON.parse(raw) as Record<string, string>) : {}
      const duplicate = province.accepted.some((a) => a.请求流水号 === body.请求流水号)
      if (req.url === '/sxgx/api/bj/ts' && !duplicate) province.accepted.push(body)
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          返回码: duplicate ? '01' : '00',
          返回信息: 'ok',
          回执号: `SXBJ${province.accepted.length}`,
          接收时间: '2026-11-27 10:00:00',
        }),
      )
    })
  })
  await new Promise<void>((r) => province.server!.listen(0, '127.0.0.1', r))
  province.url = `http://127.0.0.1:${(province.server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => province.server?.close(r))
})

const hub = useTestApp({
  env: { KAFKA_TOPIC_PREFIX: `t${randomBytes(4).toString('hex')}.` },
  adapterEnv: () => ({
    ADAPTER_PROVINCE_URL: province.url,
    ADAPTER_PROVINCE_TOKEN: 'lf-hub:test-secret',
    ADAPTER_PROVINCE_RETRIES: '0',
    ADAPTER_PROVINCE_BREAKER_OPEN_MS: '300',
  }),
})

const until = async (check: () => boolean | Promise<boolean>, ms = 25_000) => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 100))
  }
}

const backlog = async () => {
  const res = await hub.app.inject({ method: 'GET', url: '/metrics' })
  return Number(/^hub_province_backlog (\S+)$/m.exec(res.body)?.[1] ?? Number.NaN)
}

describe('provincial docking', () => {
  it('forwards every case event in order after an outage, each with its own idempotency key', async () => {
    await seedCaseWorld(hub.database.db)
    const token = await hub.token({
      roles: ['service'],
      department: 'lf-hrss',
      subject: `hrss-system-${randomBytes(3).toString('hex')}`,
    })
    const ingest = (body: object) =>
      hub.app.inject({
        method: 'POST',
        url: '/v1/cases/changes',
        headers: { authorization: `Bearer ${token}` },
        payload: body,
      })
    province.up = false
    hub.app.events.relay.start()
    await startCaseBackground(hub.app)
    for (const n of ['LF-P-000001', 'LF-P-000002']) {
      expect((await ingest(accepted(n))).statusCode).toBe(201)
      expect((await ingest(step(n, 2, 'review'))).statusCode).toBe(201)
      expect((await ingest(step(n, 3, 'complete'))).statusCode).toBe(201)
    }
    await until(async () => (await backlog()) === 6)
    await new Promise((r) => setTimeout(r, 500))
    expect(province.accepted).toEqual([])
    province.up = true
    await until(async () => (await backlog()) === 0)
    for (const n of ['LF-P-000001', 'LF-P-000002']) {
      const reports = province.accepted.filter((a) => a.办件编号 === n)
      expect(reports.map((a) => a.办理环节)).toEqual(['受理', '审查', '办结'])
      expect(reports.map((a) => a.请求流水号)).toEqual([`${n}.1`, `${n}.2`, `${n}.3`])
    }
  })
})
