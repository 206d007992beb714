/** `npm run migrate [-- --rollback]`: applies (or rolls back) the knex migrations on DATABASE_URL. */
import { createKnex } from '../db/knex-factory.ts'
import { migrateLatest, migrateRollbackAll } from '../db/migrator.ts'
import { loadConfigOrExit } from './load-config.ts'

const config = loadConfigOrExit()
if (!config.databaseUrl) {
  console.error(
    'DATABASE_URL: required to run migrations (the embedded default migrates itself on `npm start`)',
  )
  process.exit(78)
}
const db = createKnex({ connectionString: config.databaseUrl, poolMax: 1 })
try {
  if (process.argv.includes('--rollback')) {
    await migrateRollbackAll(db)
    console.log('rolled back all migrations')
  } else {
    const applied = await migrateLatest(db)
    console.log(applied.length ? `applied:\n  ${applied.join('\n  ')}` : 'already up to date')
  }
} finally {
  await db.destroy()
}
