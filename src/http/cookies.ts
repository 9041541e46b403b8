import type { CookieSerializeOptions } from '@fastify/cookie'
import type { Config } from '../config.js'

/**
 * Cookie names and options. Behind HTTPS every cookie is `Secure` and `__Host-` prefixed
 * (ASVS v5.0.0-3.3.1/3.3.3): bound to this host and path `/`, never settable by a subdomain.
 * All are HttpOnly; Lax lets a link from a mail client open a page while keeping cross-site posts out.
 */
export function cookieNames(config: Config) {
  const prefix = config.publicUrl.protocol === 'https:' ? '__Host-' : ''
  return {
    session: `${prefix}embargo_session`,
    followUp: `${prefix}embargo_followup`,
    /** A second report's link opened while one is open: held until the reporter confirms the switch. */
    followUpPending: `${prefix}embargo_followup_pending`,
    csrf: `${prefix}embargo_csrf`,
    /** Password accepted, second factor to come (5 minutes). */
    secondStep: `${prefix}embargo_second_step`,
    /** A sign-in with an organization's identity provider under way: state, nonce and PKCE verifier, signed, 10 minutes. */
    sso: `${prefix}embargo_sso`,
    /** The outcome of the last form, shown once by the next page (src/http/flash.ts), sealed, 2 minutes. */
    flash: `${prefix}embargo_flash`,
    /** A report just received on the web form: its reference and follow-up link, shown once (src/intake/receipt.ts), sealed, 15 minutes. */
    receipt: `${prefix}embargo_receipt`,
    /** The language the visitor chose in the footer (src/http/plugins/language.ts), a year. Not secret. */
    language: `${prefix}embargo_lang`,
  }
}

export function cookieOptions(config: Config, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.protocol === 'https:',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  }
}
