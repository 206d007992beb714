import { createHmac } from 'node:crypto'

/**
 * How a receiver knows a delivery came from the hub. Each kind of subscription keeps the scheme its
 * receivers verify today: access and objection webhooks an HMAC with the secret the department set
 * (`HmacWebhookSigner`), case webhooks a detached JWS against the published keys (`JwsWebhookSigner`).
 */
export interface WebhookSigner {
  /** The signature headers of a delivery of exactly these body bytes. */
  headers(body: string): Promise<Record<string, string>>
}

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the value of `x-hub-signature`. */
export function hmacSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** Signs `<unix seconds>.<body>` with the subscriber's shared secret; the timestamp travels in `x-hub-timestamp`. */
export class HmacWebhookSigner implements WebhookSigner {
  constructor(
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async headers(body: string): Promise<Record<string, string>> {
    const timestamp = String(Math.floor(this.now().getTime() / 1000))
    return { 'x-hub-timestamp': timestamp, 'x-hub-signature': hmacSignature(this.secret, timestamp, body) }
  }
}
