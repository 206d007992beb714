import { describe, expect, it } from 'vitest'
import { formatPeerTable, ratio } from './peer-table.ts'

const load = (perSecond: number, failed = 0) => ({ perSecond, p50Ms: 3, p99Ms: 12, failed, serialMs: 2 })

describe('peer benchmark table', () => {
  it('gives the hub/EDC ratio of requests per second, or null without an EDC figure', () => {
    expect(ratio(load(3000), load(1200))).toBe(2.5)
    expect(ratio(load(3000), null)).toBeNull()
    expect(ratio(load(3000), load(0))).toBeNull()
  })

  it('prints one row per workload and per process, marking missing EDC figures and failed requests', () => {
    const table = formatPeerTable(
      [
        { workload: 'single resource read', hub: load(5000), edc: load(2000, 7) },
        { workload: 'keyword search', hub: load(900), edc: null },
      ],
      [{ process: 'EDC 0.15.1 (JVM)', startupMs: 14_250, rssMiB: 420, peakRssMiB: 480 }],
    )
    const lines = table.split('\n')
    expect(lines).toContain(
      '| single resource read | 5000 | 3 | 12 | 2 | 2000 | 3 | 12 (7 failed) | 2 | 2.50 |',
    )
    expect(lines).toContain('| keyword search | 900 | 3 | 12 | 2 | — | — | — | — | n/a |')
    expect(lines).toContain('| EDC 0.15.1 (JVM) | 14.3 | 420 | 480 |')
  })
})
