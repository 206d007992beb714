import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { activeGrantsOf, grantEpoch, toGrantFacts } from '../directory/grants/grant-store.ts'
import { AbilityService } from '../policies/ability-service.ts'

declare module 'fastify' {
  interface FastifyInstance {
    abilities: AbilityService
  }
}

/** `app.abilities`: the per-principal ability cache, reading grants and epochs from PostgreSQL. */
export const policyPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorate(
      'abilities',
      new AbilityService({
        grants: {
          epoch: (department) => grantEpoch(app.db, department),
          activeGrants: async (department, now) =>
            (await activeGrantsOf(app.db, department, now)).map(toGrantFacts),
        },
      }),
    )
  },
  { name: 'policies', dependencies: ['db'] },
)
