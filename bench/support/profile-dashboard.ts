/**
 * Where the dashboard's first render goes: opens /console/dashboard as the bench does
 * (bench/console-dashboard.bench.ts) and prints, per load, the network waterfall (each file and /v1
 * call: start and end, ms after navigation start, from the page's own Resource Timing), when the
 * headline and each canvas appeared, the main thread's work from a Chrome trace (busy time as wall
 * and as CPU time, totals per kind) and the busiest JavaScript per 100 ms slice
 * from a CPU profile (PROFILE_LINES=1 adds each function's line:column in the built file).
 *
 *   node --import tsx bench/support/profile-dashboard.ts            # 3 loads
 *   DASHBOARD_LOADS=5 TRACE_DIR=/tmp/traces node --import tsx bench/support/profile-dashboard.ts
 */
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { seedDemoActivity } from '../../demo/demo-activity.ts'
import { seedDemoCatalog } from '../../demo/demo-catalog.ts'
import { machineLoad, withConsoleHub } from './console-hub.ts'

const LOADS = Number(process.env.DASHBOARD_LOADS ?? 3)
const TRACE_DIR = process.env.TRACE_DIR ?? '/tmp/dashboard-traces'

interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  /** Thread (CPU) time: what the task cost, however long a busy machine kept it waiting. */
  tdur?: number
  pid: number
  tid: number
  args?: { data?: { url?: string; frame?: string; functionName?: string } }
}

/**
 * Marks the page sets itself (in the page's clock) as the headline and the canvases appear. Page-side
 * code is written as text: this project type-checks Node code without the DOM's types.
 */
const WATCH = `
  const marks = {}
  window.__marks = marks
  new MutationObserver(() => {
    if (!marks.app && document.querySelector('#app > *')) marks.app = performance.now()
    if (!marks.kpi && document.querySelector('[data-kpi=materials] .kpi-value')) marks.kpi = performance.now()
    const canvases = document.querySelectorAll('.chart-canvas canvas').length
    for (let i = 1; i <= canvases; i++) marks['canvas' + i] ??= performance.now()
  }).observe(document, { childList: true, subtree: true })
`

/** What the page saw: navigation and resource timing, and the marks WATCH set. */
const SEEN = `(() => {
  const nav = performance.getEntriesByType('navigation')[0]
  return {
    nav: { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive },
    marks: window.__marks,
    resources: performance.getEntriesByType('resource').map((r) => ({
      url: r.name, start: r.startTime, end: r.responseEnd, size: r.encodedBodySize, by: r.initiatorType,
    })),
  }
})()`

interface Seen {
  nav: { responseEnd: number; domInteractive: number }
  marks: Record<string, number>
  resources: { url: string; start: number; end: number; size: number; by: string }[]
}

const short = (url: string) => {
  const u = new URL(url)
  return (u.pathname + u.search).replace(/from=[^&]+&to=[^&]+/, 'from…to…').slice(0, 70)
}

await mkdir(TRACE_DIR, { recursive: true })
await withConsoleHub(
  {
    database: 'hub_bench_dashboard_profile',
    seed: (db) => seedDemoCatalog(db, { holders: 60 }),
    env: { CERT_KEY_ENCRYPTION_KEY: '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0' },
    seedWithApp: (app) => seedDemoActivity(app, () => {}),
  },
  async ({ origin, browser, signedInWindow }) => {
    for (let i = 0; i < LOADS; i++) {
      const context = await signedInWindow('leader')
      const page = await context.newPage()
      await page.addInitScript(WATCH)
      const tracePath = path.join(TRACE_DIR, `load-${i + 1}.json`)
      await browser.startTracing(page, {
        path: tracePath,
        categories: ['devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'blink.user_timing', 'loading'],
      })
      const cdp = await context.newCDPSession(page)
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
      const started = Date.now()
      await page.goto(`${origin}/console/dashboard`)
      await page.locator('[data-kpi=materials] .kpi-value').waitFor()
      await page.locator('.chart-canvas canvas').nth(5).waitFor()
      const wall = Date.now() - started
      const { profile } = await cdp.send('Profiler.stop')
      await browser.stopTracing()
      const seen = (await page.evaluate(SEEN)) as Seen
      console.log(
        `\n=== load ${i + 1}: ${wall} ms wall (goto → last canvas); load ${machineLoad().loadAverage1m}`,
      )
      console.log(
        `html responseEnd ${seen.nav.responseEnd.toFixed(0)} domInteractive ${seen.nav.domInteractive.toFixed(0)}`,
      )
      for (const r of seen.resources.sort((a, b) => a.start - b.start))
        console.log(
          `${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)} (${(r.end - r.start).toFixed(0).padStart(4)}) ${String(Math.round(r.size / 1024)).padStart(4)}KB ${r.by.padEnd(6)} ${short(r.url)}`,
        )
      console.log(
        'marks:',
        Object.entries(seen.marks)
          .map(([k, v]) => `${k}=${v.toFixed(0)}`)
          .join(' '),
      )
      const t0 = summarizeTrace(JSON.parse(await readFile(tracePath, 'utf8')).traceEvents as TraceEvent[])
      if (t0 !== undefined) summarizeProfile(profile as CpuProfile, t0)
      await context.close()
    }
  },
)
process.exit()

interface CpuProfile {
  nodes: {
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  }[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/** What the page's JavaScript did, in 100 ms slices after navigation start: the busiest functions by self time. */
function summarizeProfile(profile: CpuProfile, t0: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const slices = new Map<number, Map<string, number>>()
  let t = profile.startTime
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!
    const frame = byId.get(profile.samples[i]!)!
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue
    const slice = Math.floor((t - t0) / 100_000)
    const file = frame.url
      ? path.basename(new URL(frame.url, 'http://x').pathname).replace(/-[\w-]{8}\.js$/, '')
      : ''
    const key = `${frame.functionName || '(anon)'}@${file}${process.env.PROFILE_LINES ? `:${frame.lineNumber}:${frame.columnNumber}` : ''}`
    const m = slices.get(slice) ?? new Map<string, number>()
    m.set(key, (m.get(key) ?? 0) + profile.timeDeltas[i]! / 1000)
    slices.set(slice, m)
  }
  console.log('JavaScript per 100 ms slice (busy ms: top functions by self time):')
  for (const [slice, m] of [...slices].sort((a, b) => a[0] - b[0])) {
    const busy = [...m.values()].reduce((a, b) => a + b, 0)
    const top = [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    console.log(`  ${String(slice * 100).padStart(5)} ${busy.toFixed(0).padStart(3)}: ${top.join('; ')}`)
  }
}

/** The renderer main thread's work: busy time (wall and CPU) and totals per kind of event. */
function summarizeTrace(events: TraceEvent[]) {
  const main = events.find(
    (e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain',
  )
  if (!main) {
    console.log('no renderer main thread in the trace')
    return undefined
  }
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === main.pid) ?? mine[0]!
  const t0 = nav.ts
  // The main thread's tasks, by wall time and by CPU time (the second hardly depends on the machine's load).
  const topTasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask')
  const sum = (pick: (e: TraceEvent) => number) =>
    Math.round(topTasks.reduce((a, e) => a + pick(e), 0) / 1000)
  console.log(`main thread busy ${sum((e) => e.dur ?? 0)} ms wall, ${sum((e) => e.tdur ?? 0)} ms CPU`)
  const totals = new Map<string, number>()
  const kinds = [
    'EvaluateScript',
    'v8.compile',
    'v8.compileModule',
    'v8.evaluateModule',
    'FunctionCall',
    'TimerFire',
    'EventDispatch',
    'ParseHTML',
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'PrePaint',
    'Layerize',
    'MajorGC',
    'MinorGC',
    'V8.GC_MARK_COMPACTOR',
    'RunMicrotasks',
    'v8.run',
  ]
  for (const e of mine)
    if (kinds.includes(e.name)) totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0))
  console.log(
    'main thread totals (ms, nested events overlap):',
    [...totals].map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(', '),
  )
  return t0
}
