import { describe, expect, it } from 'vitest'
import { useTestApp } from '../test/support/test-app.ts'

// Port 9 (discard) on loopback: nothing answers, as when the identity provider is down.
const hub = useTestApp({
  env: {
    OIDC_ISSUER_URL: 'http://127.0.0.1:9/realms/hub',
    OIDC_CLIENT_ID: 'hub-console',
    AUTH_DEV_SIGN_IN: 'true',
  },
})

describe('console sign-in while the identity provider is away', () => {
  it('still starts, offers only the IdP sign-in, and answers 503 idp-unavailable', async () => {
    expect((await hub.app.inject({ url: '/auth/config' })).json()).toEqual({ mode: 'oidc' })
    // The dev sign-in is never offered beside an identity provider.
    expect((await hub.app.inject({ url: '/auth/dev/principals' })).statusCode).toBe(404)

    const res = await hub.app.inject({ url: '/auth/sign-in?returnTo=/console/' })
    expect(res.statusCode).toBe(503)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().code).toBe('idp-unavailable')
    expect(res.json().detail).toContain('identity provider at http://127.0.0.1:9/realms/hub')
  })
})
