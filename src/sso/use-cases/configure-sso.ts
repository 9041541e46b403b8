import { cipherFor, type Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { nameProblem } from '../../domain/organization.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { parseDomains } from '../../domain/sso/provider-claims.js'
import { findSsoSettings, type SsoSettings, saveSsoSettings } from '../../storage/repositories/sso-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { forgetProvider } from '../provider.js'

export interface SsoForm {
  displayName: string
  issuer: string
  clientId: string
  /** Empty keeps the secret already stored. */
  clientSecret: string
  domains: string
  /** '' = no just-in-time membership; never 'admin': administrators are invited, not minted by a provider. */
  jitRole: '' | 'viewer' | 'responder'
  trustProviderMfa: boolean
  enabled: boolean
}

export type SsoField = 'displayName' | 'issuer' | 'clientId' | 'clientSecret' | 'domains'
export type ConfigureSsoError = { code: 'FIELDS'; fields: Partial<Record<SsoField, string>> }

/** An issuer identifier (OpenID Connect Discovery 1.0 §2): https, no credentials, query or fragment. */
function issuerProblem(input: string, allowHttp: boolean): string | null {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return 'invalid-url'
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return 'https-only'
  if (url.username || url.password || url.search || url.hash || input.length > 500) return 'invalid-url'
  return null
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const printable = (s: string, max: number) => s.length > 0 && s.length <= max && !/[\u0000-\u001f\u007f\s]/.test(s)

/**
 * An administrator sets the organization's identity provider. The client secret is sealed under
 * the organization's data key; the event names the issuer and the choices, never the secret.
 */
export async function configureSso(
  deps: Deps,
  org: OrganizationRow,
  form: SsoForm,
  actorId: string,
): Promise<Result<void, ConfigureSsoError>> {
  const cipher = cipherFor(deps, org)
  const existing = await findSsoSettings(deps.db, cipher, org.id)
  const fields: Partial<Record<SsoField, string>> = {}
  const displayName = form.displayName.trim()
  const name = nameProblem(displayName)
  if (name) fields.displayName = name
  const issuer = form.issuer.trim()
  const issuerWrong = issuerProblem(issuer, deps.config.ssoHttpIssuers)
  if (issuerWrong) fields.issuer = issuerWrong
  const clientId = form.clientId.trim()
  if (!printable(clientId, 255)) fields.clientId = 'invalid'
  const clientSecret = form.clientSecret === '' ? (existing?.clientSecret ?? '') : form.clientSecret
  if (!printable(clientSecret, 1000)) fields.clientSecret = form.clientSecret === '' ? 'required' : 'invalid'
  const domains = parseDomains(form.domains)
  if (!domains) fields.domains = 'invalid-domain'
  else if (domains.length === 0) fields.domains = 'required'
  if (Object.keys(fields).length > 0 || !domains) return fail({ code: 'FIELDS', fields })

  const settings: SsoSettings = {
    displayName,
    issuer,
    clientId,
    clientSecret,
    allowedDomains: domains,
    jitRole: form.jitRole === '' ? null : form.jitRole,
    trustProviderMfa: form.trustProviderMfa,
    enabled: form.enabled,
  }
  const saved = await runUnit(deps, org, async (u) => {
    await saveSsoSettings(u.tx, u.cipher, org.id, settings, u.at)
    u.record(
      newEvent('sso.configured', { kind: 'user', id: actorId }, u.at, null, {
        issuer,
        jitRole: settings.jitRole,
        trustProviderMfa: settings.trustProviderMfa,
        enabled: settings.enabled,
      }),
    )
    return ok(undefined)
  })
  // The next sign-in discovers the provider anew. Other processes: at once for a changed issuer,
  // client or secret (a new cache entry), within the cache's ten minutes for the same ones.
  if (existing) forgetProvider(deps, existing)
  forgetProvider(deps, settings)
  return saved
}
