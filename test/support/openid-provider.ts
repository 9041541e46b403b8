/**
 * A real OpenID Provider on loopback for the single sign-on tests: the certified `oidc-provider`
 * package with its development login form (any login name, any password), so tests and Chromium
 * sign in through real redirects. Accounts are keyed by the login name typed into its form.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

export interface ProviderAccount {
  email?: string
  emailVerified?: boolean
  name?: string
}

export interface ProviderClient {
  clientId: string
  clientSecret: string
  redirectUri: string
}

export interface TestOpenIdProvider {
  issuer: string
  accounts: Map<string, ProviderAccount>
  /** How many times its metadata (`/.well-known/openid-configuration`) was asked for. */
  readonly discoveries: number
  /** The provider replaces its signing key with a new one (another `kid`); what it serves is otherwise the same. */
  rotateSigningKey(): void
  close(): Promise<void>
}

export async function startOpenIdProvider(clients: ProviderClient[]): Promise<TestOpenIdProvider> {
  const accounts = new Map<string, ProviderAccount>()
  let handler: http.RequestListener = (_req, res) => res.end()
  let discoveries = 0
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/.well-known/openid-configuration')) discoveries++
    handler(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const build = (jwks?: { keys: crypto.JsonWebKey[] }) => {
    const provider = new Provider(issuer, {
      ...(jwks ? { jwks } : {}),
      clients: clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: [c.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      })),
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: ['test-provider-cookie-key-0123456789'] },
      features: { devInteractions: { enabled: true } },
      async findAccount(_ctx: unknown, id: string) {
        return {
          accountId: id,
          async claims() {
            const a = accounts.get(id) ?? {}
            return { sub: id, email: a.email, email_verified: a.emailVerified ?? false, name: a.name }
          },
        }
      },
    })
    provider.on('server_error', (_ctx, error) => console.error('test provider error', error))
    handler = provider.callback()
  }
  build()
  let rotations = 0
  return {
    issuer,
    accounts,
    get discoveries() {
      return discoveries
    },
    rotateSigningKey() {
      const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
      build({ keys: [{ ...privateKey.export({ format: 'jwk' }), kid: `rotated-${++rotations}`, use: 'sig', alg: 'RS256' }] })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A browser at the provider: plain fetch with manual redirects and its own cookie jar. */
export class ProviderBrowser {
  private readonly jar = new Map<string, string>()

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.jar.size > 0) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await fetch(url, { ...init, headers, redirect: 'manual' })
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name)
      else this.jar.set(name, value)
    }
    return res
  }

  /**
   * Opens `authorizeUrl` and walks the provider's pages: its login form (filled with `login`) and
   * its consent form, following every redirect, until the provider sends the browser to an
   * address outside itself — the relying party's callback, returned.
   */
  async signIn(authorizeUrl: string, login: string): Promise<URL> {
    const origin = new URL(authorizeUrl).origin
    let url = authorizeUrl
    let init: RequestInit = {}
    for (let step = 0; step < 20; step++) {
      const res = await this.fetch(url, init)
      init = {}
      const location = res.headers.get('location')
      if (location) {
        const next = new URL(location, url)
        if (next.origin !== origin) return next
        url = next.href
        continue
      }
      const html = await res.text()
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html)
      if (!form?.[1]) throw new Error(`the provider answered ${res.status} without a form: ${html.slice(0, 300)}`)
      const fields = new URLSearchParams()
      for (const input of form[2]?.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g) ?? []) {
        const name = input[1] ?? ''
        const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? ''
        if (name === 'login') fields.set(name, login)
        else if (name === 'password') fields.set(name, 'any password')
        else fields.set(name, value)
      }
      url = new URL(form[1], url).href
      init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
    }
    throw new Error('the provider never sent the browser back')
  }
}
