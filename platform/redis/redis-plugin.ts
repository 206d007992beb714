import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Redis } from 'ioredis'

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared Redis command client; null without `REDIS_URL` (the embedded default). */
    redis: Redis | null
  }
}

export interface RedisPluginOptions {
  url: string | null
}

/**
 * One Redis client for the hub's commands: the shared rate-limit counter, the grant limiter's
 * counters and BullMQ's queues. It fails fast (one reconnect per command) so a dead Redis is a 503,
 * not a hung request. BullMQ's workers still get connections of their own, duplicated from this one
 * (platform/jobs/bullmq-runner.ts): their blocking reads hold a connection and need
 * `maxRetriesPerRequest: null`. Registered before its users, so it closes after them.
 */
export const redisPlugin = fp<RedisPluginOptions>(
  async (app: FastifyInstance, opts) => {
    const redis = opts.url ? new Redis(opts.url, { maxRetriesPerRequest: 1 }) : null
    // The offline queue covers start-up; maxRetriesPerRequest: 1 fails a command after one failed reconnect.
    // Each failed command reaches its caller (503 `redis-unavailable`, BullMQ's own error reports);
    // without a listener ioredis would also print every reconnect failure to stderr.
    redis?.on('error', () => {})
    app.decorate('redis', redis)
    app.addHook('onClose', async () => {
      if (redis) await quietly(redis)
    })
  },
  { name: 'redis' },
)

/** quit() lets pending replies arrive; a client that never connected (lazy) just disconnects. */
export async function quietly(client: Redis): Promise<void> {
  if (client.status === 'wait' || client.status === 'end') {
    client.disconnect()
    return
  }
  try {
    await client.quit()
  } catch {
    client.disconnect()
  }
}
