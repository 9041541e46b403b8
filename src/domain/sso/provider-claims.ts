/**
 * What Embargo believes of an OpenID Provider's ID token (issue 13, item 7). Pure: the claims come
 * in already verified (signature, issuer, audience, nonce, expiry) by openid-client.
 */
import { looksLikeEmail, normalizeEmail } from '../organization.js'

/**
 * Authentication method references (RFC 8176) that mean more than one factor: `mfa` itself,
 * one-time passwords, hardware- and software-held keys, and biometrics (which a provider only
 * asserts on top of a device in hand).
 */
const multiFactorMethods = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm'])

/**
 * Authentication context classes that name multi-factor authentication: the REFEDS MFA profile,
 * and the phishing-resistant and MFA classes some providers use.
 */
const multiFactorContexts = new Set([
  'https://refeds.org/profile/mfa',
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
  'http://schemas.openid.net/pape/policies/2007/06/multi-factor-physical',
  'phr',
  'phrh',
])

/** Whether the ID token says the person used more than one factor (`amr` or `acr`). */
export function assertsMultiFactor(claims: Readonly<Record<string, unknown>>): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === 'string') : []
  if (amr.some((m) => multiFactorMethods.has(m))) return true
  return typeof claims.acr === 'string' && multiFactorContexts.has(claims.acr)
}

/**
 * The address a provider vouches for: only when it says the address is verified
 * (`email_verified: true`) and the address lies in one of the organization's domains (exactly,
 * never a subdomain: `example.org` does not cover `evil.example.org`). Otherwise null.
 */
export function vouchedEmail(claims: Readonly<Record<string, unknown>>, allowedDomains: readonly string[]): string | null {
  if (claims.email_verified !== true || typeof claims.email !== 'string') return null
  const email = normalizeEmail(claims.email)
  if (!looksLikeEmail(email)) return null
  const domain = email.slice(email.lastIndexOf('@') + 1)
  return allowedDomains.includes(domain) ? email : null
}

/** Domains as an administrator types them (spaces, commas or lines between), lower-case, each checked; null when one is not a domain. */
export function parseDomains(input: string): string[] | null {
  const domains = [...new Set(input.split(/[\s,]+/).map((d) => d.trim().toLowerCase().replace(/^@/, '')))].filter((d) => d !== '')
  const valid = (d: string) => d.length <= 253 && /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/.test(d)
  return domains.every(valid) ? domains : null
}
