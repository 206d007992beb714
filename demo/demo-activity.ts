import type { FastifyInstance } from 'fastify'
import { ensureDemoCaseCertificates, seedDemoOpenCases } from './demo-cases.ts'
import { type DemoHistorySummary, seedDemoHistory } from './demo-history.ts'
import { seedDemoOutcomeCases } from './demo-outcome-cases.ts'

/**
 * The demo's cases and history, seeded once the app is built (the history's trail goes through an
 * audit writer, and its cases refer to the certificates the department feeds brought in): the window
 * clerk's open cases — their applicants' certificates are made here when no department simulators feed
 * them, i.e. in services mode — then, once per database, a year of activity.
 */
export async function seedDemoActivity(
  app: FastifyInstance,
  say: (message: string) => void,
): Promise<{ opened: number; history: DemoHistorySummary | null }> {
  const { config } = app
  const started = performance.now()
  if (config.mode !== 'embedded') await ensureDemoCaseCertificates(app.db)
  const opened = await seedDemoOpenCases(app.db, config.calendar)
  // Two more for the outcomes a fetch can have besides `found`: an expired and an ambiguous certificate.
  const outcomes = await seedDemoOutcomeCases(app.db, config.calendar)
  const history = await seedDemoHistory(app.db, {
    calendar: config.calendar,
    decisionWorkdays: config.calendar.decisionWorkdays,
    subjectKey: Buffer.from(config.audit.subjectKey!),
    trailMonths: config.audit.retentionMonths,
  })
  const took = ((performance.now() - started) / 1000).toFixed(1)
  if (opened + outcomes) say(`${opened + outcomes} open demo case(s) for the window clerk (lf-approval)`)
  if (history)
    say(
      `demo history: ${history.cases} cases (${history.changes} changes), ${history.materialsShared} materials obtained by sharing, ${history.requests} grants, ${history.auditRecords} audit records in ${took} s`,
    )
  return { opened, history }
}
