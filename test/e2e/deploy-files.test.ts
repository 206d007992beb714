import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'
import { haproxyBinary } from '../support/hub-cluster.ts'

/**
 * The deployment files, checked with what runs on a machine without a container engine: the
 * Dockerfile's instructions, the compose file's services and health checks (parsed, not run),
 * HAProxy's own config check, and the Kustomize output rendered by `kubectl kustomize` when kubectl is
 * installed (otherwise the manifests are parsed and the kustomizations' resources resolved by hand).
 */

const ROOT = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')

interface Instruction {
  op: string
  args: string
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [op, ...rest] = line.split(/\s+/)
      return { op: op!.toUpperCase(), args: rest.join(' ') }
    })
}

describe('Dockerfile', () => {
  const steps = instructions(read('Dockerfile'))
  const stages = steps.flatMap((s, i) => (s.op === 'FROM' ? [i] : []))
  const final = steps.slice(stages.at(-1))

  it('is multi-stage: builds in one stage and copies only from earlier stages', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2)
    const names = steps.filter((s) => s.op === 'FROM').map((s) => /\bAS\s+(\S+)/i.exec(s.args)?.[1])
    for (const copy of steps.filter((s) => s.op === 'COPY' && s.args.includes('--from='))) {
      expect(names).toContain(/--from=(\S+)/.exec(copy.args)?.[1])
    }
  })

  it('builds the node-rdkafka addon in the image and fails the build when it does not load', () => {
    const build = steps.slice(0, stages.at(-1))
    expect(build.some((s) => s.op === 'RUN' && /npm ci/.test(s.args))).toBe(true)
    expect(build.some((s) => s.op === 'RUN' && /require\('node-rdkafka'\)/.test(s.args))).toBe(true)
    expect(build.some((s) => s.op === 'RUN' && /g\+\+/.test(s.args) && /libssl-dev/.test(s.args))).toBe(true)
  })

  it('builds the console with the hash that npm start checks, in the paths it runs from', () => {
    const build = steps.slice(0, stages.at(-1))
    expect(
      build.some((s) => s.op === 'RUN' && /ensureConsoleBuilt\(\{ webDir: '\/app\/web'/.test(s.args)),
    ).toBe(true)
    expect(steps.filter((s) => s.op === 'WORKDIR').map((s) => s.args)).toEqual(['/app', '/app'])
  })

  it('runs as a non-root user with a health check and the hub as its command', () => {
    const user = final.filter((s) => s.op === 'USER').at(-1)?.args
    expect(user).toBeDefined()
    expect(['root', '0']).not.toContain(user)
    const health = final.find((s) => s.op === 'HEALTHCHECK')?.args ?? ''
    expect(health).toMatch(/\/healthz/)
    expect(final.find((s) => s.op === 'CMD')?.args).toMatch(/hub\/cli\/start\.ts/)
    expect(final.some((s) => s.op === 'EXPOSE' && s.args === '8080')).toBe(true)
  })

  it('keeps local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n')
    for (const entry of ['node_modules', '.data', '.kafka', '.keycloak', '.git'])
      expect(ignored).toContain(entry)
  })
})

describe('deploy/compose.yaml', () => {
  type Service = {
    image?: string
    build?: unknown
    healthcheck?: { test?: string[]; disable?: boolean }
    depends_on?: Record<string, { condition: string }>
    environment?: Record<string, string>
    volumes?: string[]
  }
  const compose = parse(read('deploy/compose.yaml'), { merge: true }) as { services: Record<string, Service> }
  const services = compose.services

  it('has PostgreSQL, Kafka in KRaft mode, Redis, Keycloak, a migration, two hubs and HAProxy', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['haproxy', 'hub1', 'hub2', 'kafka', 'keycloak', 'migrate', 'postgres', 'redis'].sort(),
    )
    expect(services.kafka?.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller')
    expect(services.kafka?.environment?.KAFKA_ZOOKEEPER_CONNECT).toBeUndefined()
  })

  it('gives every long-running service a health check and starts hubs only on healthy engines', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'migrate') continue
      expect(service.healthcheck?.test?.length, name).toBeGreaterThan(0)
    }
    for (const hub of ['hub1', 'hub2']) {
      const s = services[hub]!
      expect(s.build).toBeDefined()
      expect(s.healthcheck?.test?.join(' ')).toMatch(/\/readyz/)
      expect(s.depends_on?.migrate?.condition).toBe('service_completed_successfully')
      for (const engine of ['kafka', 'redis', 'keycloak']) {
        expect(s.depends_on?.[engine]?.condition).toBe('service_healthy')
      }
      expect(s.environment?.DATABASE_URL).toMatch(/@postgres:5432\//)
      expect(s.environment?.KAFKA_BROKERS).toBe('kafka:9092')
      expect(s.environment?.REDIS_URL).toBe('redis://redis:6379')
      expect(s.environment?.AUDIT_SUBJECT_KEY).toMatch(/^\$\{AUDIT_SUBJECT_KEY:\?/)
      expect(s.environment?.CASE_WEBHOOK_SIGNING_KEY).toMatch(/^\$\{CASE_WEBHOOK_SIGNING_KEY:\?/)
    }
    expect(services.migrate?.depends_on?.postgres?.condition).toBe('service_healthy')
  })

  it('mounts files that exist in the repository', () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!
        if (source.startsWith('.')) expect(existsSync(path.join(ROOT, 'deploy', source)), source).toBe(true)
      }
    }
  })

  it("HAProxy's configuration passes haproxy -c and routes to both hubs by /readyz", () => {
    const config = read('deploy/haproxy/haproxy.cfg')
    expect(config).toMatch(/option httpchk GET \/readyz/)
    expect(config).toMatch(/server hub1 hub1:8080/)
    expect(config).toMatch(/server hub2 hub2:8080/)
    // Names of the compose network do not resolve here: haproxy only warns and disables them.
    const out = execFileSync(haproxyBinary(), ['-c', '-f', path.join(ROOT, 'deploy/haproxy/haproxy.cfg')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    expect(out).toMatch(/Configuration file is valid/)
  })
})

describe('Kustomize manifests', () => {
  type Manifest = { kind: string; metadata: { name: string }; spec?: Record<string, unknown> }
  const hasKubectl = (() => {
    try {
      execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()

  /** Renders with `kubectl kustomize`, or resolves `resources:` by hand without kubectl. */
  function render(dir: string): Manifest[] {
    if (hasKubectl) {
      const out = execFileSync('kubectl', ['kustomize', path.join(ROOT, dir)], { encoding: 'utf8' })
      return parseAllDocuments(out).map((d) => d.toJS() as Manifest)
    }
    const kustomization = parse(read(`${dir}/kustomization.yaml`)) as { resources?: string[] }
    return (kustomization.resources ?? []).flatMap((resource) => {
      const target = path.join(dir, resource)
      if (existsSync(path.join(ROOT, target, 'kustomization.yaml'))) return render(target)
      return parseAllDocuments(read(target)).map((d) => d.toJS() as Manifest)
    })
  }

  for (const dir of ['deploy/kubernetes/base', 'deploy/kubernetes/overlays/example']) {
    it(`${dir} renders a Deployment with probes, a PDB, an HPA and a migration Job`, () => {
      const manifests = render(dir)
      const of = (kind: string) => manifests.filter((m) => m.kind === kind)
      const deployment = of('Deployment')[0] as unknown as {
        spec: {
          replicas: number
          template: {
            spec: {
              securityContext: { runAsNonRoot: boolean }
              containers: {
                readinessProbe: { httpGet: { path: string } }
                livenessProbe: { httpGet: { path: string } }
                envFrom: { secretRef?: { name: string } }[]
              }[]
            }
          }
        }
      }
      const container = deployment.spec.template.spec.containers[0]!
      expect(container.readinessProbe.httpGet.path).toBe('/readyz')
      expect(container.livenessProbe.httpGet.path).toBe('/healthz')
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true)
      expect(container.envFrom.some((e) => e.secretRef?.name.startsWith('hub-secrets'))).toBe(true)
      expect(of('PodDisruptionBudget')).toHaveLength(1)
      expect(of('HorizontalPodAutoscaler')).toHaveLength(1)
      expect(of('Job').map((j) => j.metadata.name)).toEqual(['hub-migrate'])
      expect(of('Service')).toHaveLength(1)
    })
  }

  it('the example overlay generates the Secret with every key the hub reads from it', () => {
    const secret = render('deploy/kubernetes/overlays/example').find((m) => m.kind === 'Secret') as
      | { data?: Record<string, string> }
      | undefined
    const keys = Object.keys(secret?.data ?? {})
    for (const key of [
      'DATABASE_URL',
      'MIGRATION_DATABASE_URL',
      'KAFKA_BROKERS',
      'REDIS_URL',
      'AUTH_ISSUER',
      'AUDIT_SUBJECT_KEY',
      'AUDIT_SIGNING_KEY',
      'CASE_WEBHOOK_SIGNING_KEY',
    ]) {
      if (hasKubectl) expect(keys).toContain(key)
      else expect(read('deploy/kubernetes/overlays/example/secrets.env')).toMatch(new RegExp(`^${key}=`, 'm'))
    }
  })
})
