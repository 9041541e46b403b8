/** Second factors as a person uses them through the pages, with the test's clock playing the authenticator app. */
import { expect } from 'vitest'
import { totpCodeAt } from '../../src/auth/index.js'
import { readPreset } from '../../src/policy-admin/presets.js'
import { importPolicy } from '../../src/policy-admin/use-cases/import-policy.js'
import type { OrganizationRow } from '../../src/storage/schema.js'
import { type Browser, csrfFrom, type TestApp } from './app.js'

/** The authenticator app's key as the set-up page shows it (grouped by four for typing). */
export function totpSecretOn(html: string): string {
  const match = /secret-box__value"><code>([A-Z2-7 ]+)<\/code>/.exec(html)
  if (!match?.[1]) throw new Error('no authenticator key on the page')
  return match[1].replace(/ /g, '')
}

/** The recovery codes the page shows once. */
export const recoveryCodesOn = (html: string): string[] => html.match(/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/g) ?? []

/** The code the app shows at the test clock's time (or `offsetMs` from it). */
export const codeNow = (t: TestApp, secret: string, offsetMs = 0): string => totpCodeAt(secret, t.clock.now().getTime() + offsetMs)

/** Signs in with the password only; answers the 303's target (`/login/second-step` when a factor is enrolled). */
export async function passwordStep(browser: Browser, member: { email: string; password: string }, next = '/'): Promise<string> {
  const res = await browser.submit('/login', '/login', { email: member.email, password: member.password, next })
  expect(res.statusCode).toBe(303)
  return String(res.headers.location)
}

/** Answers the second step with one method. */
export async function secondStep(browser: Browser, fields: { method: 'totp' | 'recovery' | 'passkey'; code?: string; response?: string }) {
  const page = await browser.get('/login/second-step')
  if (page.statusCode !== 200) return page
  return browser.post('/login/second-step', { _csrf: csrfFrom(page.body), ...fields })
}

/**
 * Enrols an authenticator app through the security page, as a person would: start, scan (read the
 * key off the page), type the current code. Answers the key and the recovery codes shown once.
 */
export async function enrolTotp(t: TestApp, browser: Browser): Promise<{ secret: string; codes: string[] }> {
  const started = await browser.submit('/account/security', '/account/security/totp/start', {})
  expect(started.statusCode).toBe(303)
  expect(started.headers.location).toBe('/account/security/totp')
  const setup = await browser.get('/account/security/totp')
  expect(setup.statusCode).toBe(200)
  const secret = totpSecretOn(setup.body)
  const confirmed = await browser.post('/account/security/totp/confirm', { _csrf: csrfFrom(setup.body), code: codeNow(t, secret) })
  expect(confirmed.statusCode).toBe(303)
  expect(confirmed.headers.location).toBe('/account/security/recovery-codes')
  const shown = await browser.get('/account/security/recovery-codes')
  const codes = recoveryCodesOn(shown.body)
  expect(codes).toHaveLength(10)
  return { secret, codes }
}

/** An organization whose policy requires a second factor of its members (`accounts.mfa: required`). */
export async function orgRequiringMfa(t: TestApp): Promise<OrganizationRow> {
  const org = await t.given.org()
  const file = readPreset('kumi-systems')
  if (!file) throw new Error('no preset kumi-systems')
  const source = `${file.source}\naccounts:\n  mfa: required\n`
  const imported = await importPolicy(t.deps, org, source, file.fileName, null)
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return org
}
