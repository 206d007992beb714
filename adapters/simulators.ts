/**
 * Every department simulator at once, for `npm start`'s embedded default and for end-to-end tests.
 * The answer includes the `ADAPTER_*` environment that points the adapters at them, so wiring is
 * `buildAdapterRegistry({ modules: installedAdapters, env: { ...sims.env, ...config.adapters }, http })`.
 */
import { envPrefix } from './adapter-config.ts'
import {
  HOUSING_ADMIN_DEMO_TOKEN,
  startSimulator as startHousingAdmin,
} from './housing-admin/housing-admin-simulator.ts'
import {
  HOUSING_FUND_DEMO_TOKEN,
  startSimulator as startHousingFund,
} from './housing-fund/housing-fund-simulator.ts'
import { HRSS_DEMO_APP_KEY, startSimulator as startHrss } from './hrss/hrss-simulator.ts'
import { PROVINCE_DEMO_TOKEN, startSimulator as startProvince } from './province/province-simulator.ts'
import {
  REAL_ESTATE_DEMO_TOKEN,
  startSimulator as startRealEstate,
} from './real-estate/real-estate-simulator.ts'
import type { RunningSimulator, SimulatorOptions } from './simulator-kit/simulator-server.ts'

interface SimulatorEntry {
  name: string
  token: string | null
  start(options: SimulatorOptions): Promise<RunningSimulator>
}

export const SIMULATORS: readonly SimulatorEntry[] = [
  { name: 'hrss', token: HRSS_DEMO_APP_KEY, start: startHrss },
  { name: 'housing-fund', token: HOUSING_FUND_DEMO_TOKEN, start: startHousingFund },
  { name: 'real-estate', token: REAL_ESTATE_DEMO_TOKEN, start: startRealEstate },
  { name: 'housing-admin', token: HOUSING_ADMIN_DEMO_TOKEN, start: startHousingAdmin },
  { name: 'province', token: PROVINCE_DEMO_TOKEN, start: startProvince },
]

export interface RunningSimulators {
  /** Adapter name ⇒ base URL. */
  urls: Record<string, string>
  /** `ADAPTER_<NAME>_URL` and `ADAPTER_<NAME>_TOKEN` for every simulator. */
  env: Record<string, string>
  close(): Promise<void>
}

/** Starts each simulator on its own free port (or `basePort + i` when given). */
export async function startAllSimulators({
  host = '127.0.0.1',
  basePort,
}: {
  host?: string
  basePort?: number
} = {}): Promise<RunningSimulators> {
  const running: Array<[SimulatorEntry, RunningSimulator]> = []
  try {
    for (const [i, entry] of SIMULATORS.entries()) {
      running.push([entry, await entry.start({ host, port: basePort === undefined ? 0 : basePort + i })])
    }
  } catch (error) {
    await Promise.all(running.map(([, sim]) => sim.close()))
    throw error
  }
  const env: Record<string, string> = {}
  for (const [entry, sim] of running) {
    env[`${envPrefix(entry.name)}_URL`] = sim.url
    if (entry.token) env[`${envPrefix(entry.name)}_TOKEN`] = entry.token
  }
  return {
    urls: Object.fromEntries(running.map(([entry, sim]) => [entry.name, sim.url])),
    env,
    async close() {
      await Promise.all(running.map(([, sim]) => sim.close()))
    },
  }
}
