import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import type { JobRunner } from '../jobs/job-runner.ts'
import { type HubFeature, registerFeatures, startFeatures } from './hub-feature.ts'

/** The runner calls a feature makes, recorded (an in-memory fake: no Redis needed to check the wiring). */
function fakeJobs(failRepeat = false) {
  const calls: string[] = []
  const jobs = {
    define: (name: string) => void calls.push(`define ${name}`),
    repeat: async (name: string, _data: unknown, everyMs: number) => {
      if (failRepeat) throw new Error('redis away')
      calls.push(`repeat ${name} ${everyMs}`)
    },
  } as unknown as JobRunner
  return { jobs, calls }
}

interface Services {
  greeting: string
  log: string[]
}

const feature: HubFeature<Services> = {
  name: 'greeter',
  routes: async (app, { services }) => {
    app.get('/greeting', async () => ({ greeting: services.greeting }))
  },
  jobs: ({ log }) => [
    { name: 'greet-later', handler: async () => void log.push('ran') },
    { name: 'greet-often', handler: async () => {}, everyMs: 60_000 },
  ],
  start: async ({ log }) => void log.push('started'),
  stop: async ({ log }) => void log.push('stopped'),
}

describe('features', () => {
  it('get their services in their routes, their jobs defined, their schedules set when ready, and stop on close', async () => {
    const app = Fastify()
    const { jobs, calls } = fakeJobs()
    app.decorate('jobs', jobs)
    const services: Services = { greeting: 'ni hao', log: [] }
    await registerFeatures(app, [feature], services)
    expect(calls).toEqual(['define greet-later', 'define greet-often'])
    await app.ready()
    expect(calls).toContain('repeat greet-often 60000')
    expect((await app.inject({ url: '/greeting' })).json()).toEqual({ greeting: 'ni hao' })
    await startFeatures(app, [feature], services)
    await app.close()
    expect(services.log).toEqual(['started', 'stopped'])
  })

  it('come up when a schedule cannot be set (Redis away): the app is ready and serves', async () => {
    const app = Fastify()
    app.decorate('jobs', fakeJobs(true).jobs)
    await registerFeatures(app, [feature], { greeting: 'hello', log: [] })
    await app.ready()
    expect((await app.inject({ url: '/greeting' })).statusCode).toBe(200)
    await app.close()
  })
})
