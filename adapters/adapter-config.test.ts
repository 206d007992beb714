import { describe, expect, it } from 'vitest'
import { ConfigError } from '../platform/config/config.ts'
import { envPrefix, loadAdapterConfig } from './adapter-config.ts'

const modules = [
  { name: 'hrss', defaultDepartment: 'lf-hrss' },
  { name: 'housing-fund', defaultDepartment: 'lf-hfund' },
]

function problems(env: Record<string, string>): string[] {
  try {
    loadAdapterConfig(env, modules)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('loadAdapterConfig', () => {
  it('derives the variable prefix from the adapter name', () => {
    expect(envPrefix('housing-fund')).toBe('ADAPTER_HOUSING_FUND')
  })

  it('leaves out adapters without a URL and fills defaults for the rest', () => {
    const [hrss, ...rest] = loadAdapterConfig({ ADAPTER_HRSS_URL: 'http://hrss.internal:8080/' }, modules)
    expect(rest).toEqual([])
    expect(hrss).toMatchObject({
      name: 'hrss',
      url: 'http://hrss.internal:8080/',
      department: 'lf-hrss',
      token: null,
      timeoutMs: 5000,
      deadlineMs: 10000,
      retries: 2,
      resourceCodes: [],
    })
  })

  it('reads every setting', () => {
    const [fund] = loadAdapterConfig(
      {
        ADAPTER_HOUSING_FUND_URL: 'https://gjj.example/api',
        ADAPTER_HOUSING_FUND_TOKEN: 's3cret',
        ADAPTER_HOUSING_FUND_DEPARTMENT: 'hm-hfund',
        ADAPTER_HOUSING_FUND_TIMEOUT_MS: '800',
        ADAPTER_HOUSING_FUND_DEADLINE_MS: '3000',
        ADAPTER_HOUSING_FUND_MAX_CONCURRENCY: '4',
        ADAPTER_HOUSING_FUND_RETRIES: '0',
        ADAPTER_HOUSING_FUND_BREAKER_FAILURES: '3',
        ADAPTER_HOUSING_FUND_BREAKER_OPEN_MS: '30000',
        ADAPTER_HOUSING_FUND_RESOURCES: '00201-001, 00201-002',
      },
      modules,
    )
    expect(fund).toMatchObject({
      department: 'hm-hfund',
      token: 's3cret',
      timeoutMs: 800,
      deadlineMs: 3000,
      maxConcurrency: 4,
      retries: 0,
      breakerFailures: 3,
      breakerOpenMs: 30000,
      resourceCodes: ['00201-001', '00201-002'],
    })
  })

  it('names the variable in every problem', () => {
    expect(
      problems({
        ADAPTER_HRSS_URL: 'ftp://hrss',
        ADAPTER_HRSS_TIMEOUT_MS: 'soon',
        ADAPTER_HRSS_DEPARTMENT: 'HRSS!',
        ADAPTER_HOUSING_FUND_TOKEN: 'orphan',
      }),
    ).toEqual([
      'ADAPTER_HRSS_URL: must use http: or https: (got "ftp:")',
      'ADAPTER_HRSS_DEPARTMENT: "HRSS!" is not a department code',
      'ADAPTER_HRSS_TIMEOUT_MS: must be an integer from 50 to 120000 (got "soon")',
      'ADAPTER_HOUSING_FUND_URL: required when ADAPTER_HOUSING_FUND_TOKEN is set',
    ])
  })

  it('refuses a deadline shorter than one attempt', () => {
    expect(
      problems({
        ADAPTER_HRSS_URL: 'http://h',
        ADAPTER_HRSS_TIMEOUT_MS: '5000',
        ADAPTER_HRSS_DEADLINE_MS: '1000',
      }),
    ).toEqual(['ADAPTER_HRSS_DEADLINE_MS: must not be shorter than ADAPTER_HRSS_TIMEOUT_MS (5000)'])
  })
})
