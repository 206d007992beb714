import * as oidc from 'openid-client'
import type { SessionPrincipal } from '../platform/auth/session-store.ts'
import type { OidcConfig } from '../platform/config/config.ts'
import { InputError, UnavailableError } from '../platform/errors/app-error.ts'
import { hasMappedClaims, principalFromClaims } from './oidc-claims.ts'

/** What the hub keeps between sending the browser to the IdP and its return (in the flow cookie). */
export interface PendingSignIn {
  state: string
  nonce: string
  codeVerifier: string
  returnTo: string
}

/**
 * The hub as an OpenID Connect relying party (openid-client): authorization code flow with PKCE,
 * state and nonce; claims mapped to a principal; RP-initiated logout. The provider's metadata is
 * discovered on first use, so the hub starts while the IdP is away and signs in once it is back.
 */
export class OidcRelyingParty {
  private discovered: Promise<oidc.Configuration> | null = null

  constructor(
    private readonly settings: OidcConfig,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  private configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const issuer = new URL(this.settings.issuerUrl)
      // Plain HTTP only for a provider on this machine's loopback or a test network; production uses https.
      const insecure = issuer.protocol === 'http:'
      if (insecure) this.warn(`OIDC_ISSUER_URL uses plain HTTP (${issuer.origin}): for development only`)
      this.discovered = oidc
        .discovery(
          issuer,
          this.settings.clientId,
          this.settings.clientSecret ?? undefined,
          this.settings.clientSecret ? oidc.ClientSecretPost(this.settings.clientSecret) : oidc.None(),
          insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
        )
        .catch((error: unknown) => {
          this.discovered = null
          throw new UnavailableError(
            'idp-unavailable',
            `The identity provider at ${this.settings.issuerUrl} did not answer its discovery document`,
            { cause: error },
          )
        })
    }
    return this.discovered
  }

  /** Where to send the browser, and what to remember until it comes back. */
  async start(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const config = await this.configuration()
    const pending: PendingSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    }
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes.split(/\s+/).includes('openid')
        ? this.settings.scopes
        : `openid ${this.settings.scopes}`,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    })
    return { url: url.href, pending }
  }

  /**
   * Exchanges the code of the IdP's redirect (`query`: the callback's query string) for tokens,
   * checking state, nonce and PKCE; answers the principal and the ID token (kept for logout).
   */
  async finish(
    query: string,
    pending: PendingSignIn,
  ): Promise<{ principal: SessionPrincipal; idToken: string }> {
    const config = await this.configuration()
    const callbackUrl = new URL(this.settings.redirectUrl)
    callbackUrl.search = query
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>
    try {
      tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      })
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        throw new InputError('idp-refused', `The identity provider refused the sign-in: ${error.error}`, {
          cause: error,
        })
      }
      if (error instanceof oidc.ResponseBodyError) {
        throw new InputError(
          'oidc-code-rejected',
          `The identity provider rejected the code: ${error.error}`,
          {
            cause: error,
          },
        )
      }
      // Checks that failed (state, nonce, PKCE, ID token) carry OAUTH_* codes; a bare TypeError is a
      // network failure, which is the provider being away, not a bad answer.
      const code = (error as { code?: unknown }).code
      if (typeof code === 'string' && (code.startsWith('OAUTH_') || code.startsWith('ERR_INVALID_ARG'))) {
        throw new InputError(
          'oidc-callback-invalid',
          `The sign-in answer is not valid: ${(error as Error).message}`,
          {
            cause: error,
          },
        )
      }
      throw new UnavailableError(
        'idp-unavailable',
        'The identity provider did not answer the code exchange',
        {
          cause: error,
        },
      )
    }
    let claims: Record<string, unknown> = { ...tokens.claims() }
    if (!hasMappedClaims(claims, this.settings.claims)) {
      // Some providers put custom claims only in userinfo; the ID token's own claims win.
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub))
      claims = { ...userinfo, ...claims }
    }
    return { principal: principalFromClaims(claims, this.settings.claims), idToken: tokens.id_token! }
  }

  /** The provider's end-session URL (RP-initiated logout), back to the console afterwards. */
  async logoutUrl(idToken: string | null): Promise<string | undefined> {
    const config = await this.configuration().catch(() => null)
    if (!config?.serverMetadata().end_session_endpoint) return undefined
    const params: Record<string, string> = {
      post_logout_redirect_uri: new URL('/console/', this.settings.redirectUrl).href,
      client_id: this.settings.clientId,
    }
    if (idToken) params.id_token_hint = idToken
    return oidc.buildEndSessionUrl(config, params).href
  }
}
