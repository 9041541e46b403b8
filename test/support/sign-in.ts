import type { TestApp } from './app.js'
import { csrfFrom } from './app.js'

/**
 * Sign-in through the front door from a chosen client address (`remoteAddress`), so the throttles
 * meet it as they would meet a browser on that network.
 */
export async function signInFrom(t: TestApp, address: string, fields: { email: string; password: string; next?: string }) {
  const page = await t.app.inject({ method: 'GET', url: '/login', remoteAddress: address })
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  return t.app.inject({
    method: 'POST',
    url: '/login',
    remoteAddress: address,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), next: '/', ...fields }).toString(),
  })
}
