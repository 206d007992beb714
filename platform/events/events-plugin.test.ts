import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import { describe, expect, inject, test, vi } from 'vitest'
import { useTestDatabase } from '../../test/support/test-database.ts'
import { type HubConfig, loadConfig } from '../config/config.ts'
import { dbPlugin } from '../db/db-plugin.ts'
import { metricsPlugin } from '../metrics/metrics-plugin.ts'
import type { ReceivedEvent } from './event-types.ts'
import { eventsPlugin } from './events-plugin.ts'

const t = useTestDatabase()

async function appWith(config: HubConfig): Promise<FastifyInstance> {
  const app = Fastify()
  await app.register(metricsPlugin)
  await app.register(dbPlugin, { connectionString: t.url, poolMax: 3 })
  await app.register(eventsPlugin, { config })
  await app.ready()
  return app
}

describe('events plugin', () => {
  for (const mode of ['in-process', 'kafka'] as const) {
    test(`${mode}: a committed event reaches a subscriber; close stops relay and transport`, async () => {
      const base = loadConfig({})
      const config: HubConfig = {
        ...base,
        kafkaBrokers: mode === 'kafka' ? [inject('kafkaBrokers')] : [],
        outbox: { ...base.outbox, topicPrefix: `plugin.${randomBytes(4).toString('hex')}.` },
      }
      const app = await appWith(config)
      try {
        expect(app.events.transport.name).toBe(mode)
        await app.events.transport.ping()

        const received: ReceivedEvent[] = []
        await app.events.subscribe({
          groupId: `plugin-${randomBytes(4).toString('hex')}`,
          topics: ['case-events'],
          handler: async (event) => void received.push(event),
        })
        app.events.relay.start()
        await app.db.transaction((trx) =>
          app.events.append(trx, [
            { topic: 'case-events', key: 'CASE-1', type: 'case.accepted', payload: { ok: true } },
          ]),
        )
        await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 15_000 })
        expect(received[0]).toMatchObject({ type: 'case.accepted', key: 'CASE-1', payload: { ok: true } })
        // the subscriber can see the event before the relay has marked it published and counted it
        await vi.waitFor(async () =>
          expect(await app.metrics.registry.metrics()).toContain('hub_outbox_published_events_total 1'),
        )

        await app.close()
        expect(app.events.relay.active).toBe(false)
        await expect(app.events.transport.ping()).rejects.toThrow()
      } finally {
        await app.close()
        await t.db('outbox').delete()
      }
    })
  }
})
