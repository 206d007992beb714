import type { HttpClientFactory, UpstreamClient } from '../http-client/http-client-factory.ts'
import type { WebhookSigner } from './webhook-signer.ts'

/** Where one subscription's deliveries go. */
export interface WebhookTarget {
  /** Stable name of the subscription (its pool, metrics and error messages), e.g. `case-webhook-7`. */
  name: string
  url: string
}

export interface WebhookPost {
  /** Sent as JSON; the signature covers exactly the serialized bytes. */
  body: unknown
  signer: WebhookSigner
  /** Extra headers, e.g. `x-hub-event-id`. */
  headers?: Record<string, string>
}

/** Parallel deliveries per subscription (cases of a drain, jobs of a queue); connections open lazily. */
const CONNECTIONS = 32
const TIMEOUT_MS = 5_000

/**
 * Posts signed webhook deliveries through the hub's one HTTP client factory (pools, timeouts,
 * metrics per subscription). A delivery that is not answered 2xx throws, so the caller's retry
 * schedule — a job's backoff or the ordered queue's per-delivery budget — decides what happens next.
 */
export class WebhookSender {
  private readonly clients = new Map<string, { url: string; client: UpstreamClient }>()

  constructor(private readonly http: HttpClientFactory) {}

  async post(target: WebhookTarget, { body, signer, headers }: WebhookPost): Promise<void> {
    const url = new URL(target.url)
    // The client serializes the body with JSON.stringify, so these are exactly the bytes sent.
    const signatures = await signer.headers(JSON.stringify(body))
    const res = await this.clientFor(target).request({
      method: 'POST',
      path: `${url.pathname}${url.search}`,
      body,
      headers: { ...signatures, ...headers },
      idempotent: true,
    })
    if (res.status < 200 || res.status >= 300) throw new Error(`${target.name} answered HTTP ${res.status}`)
  }

  private clientFor(target: WebhookTarget): UpstreamClient {
    const cached = this.clients.get(target.name)
    if (cached && cached.url === target.url) return cached.client
    // A changed URL gets a new pool; the old one is closed once its calls are done.
    void cached?.client.close()
    const client = this.http.create({
      name: target.name,
      baseUrl: new URL(target.url).origin,
      requestTimeoutMs: TIMEOUT_MS,
      headersTimeoutMs: TIMEOUT_MS,
      bodyTimeoutMs: TIMEOUT_MS,
      connections: CONNECTIONS,
      // No retries and no breaker here: the delivery's own backoff is the retry policy, and a breaker
      // still open when the receiver is back would only burn attempts and dead-letter events for nothing.
      retry: { retries: 0 },
      breaker: { consecutiveFailures: Number.MAX_SAFE_INTEGER, minimumCalls: Number.MAX_SAFE_INTEGER },
    })
    this.clients.set(target.name, { url: target.url, client })
    return client
  }
}
