/**
 * security.txt cleartext-signed with the organization's own OpenPGP key (RFC 9116 §2.3), when it
 * has one. Signing is cached per (organization, policy version, key fingerprint, canonical URL,
 * UTC day): the text changes at most daily (Expires), and a new policy or key makes a new entry.
 */
import * as openpgp from 'openpgp'
import { cipherFor, type Deps } from '../deps.js'
import { orgKeyring } from '../mail/index.js'
import { findOrgMail } from '../storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

/** The organization's key for security.txt: its fingerprint and where it is published. */
export interface OrgSigningKey {
  fingerprint: string
  publicKeyUrl: string
}

export async function orgSigningKey(deps: Deps, org: Pick<OrganizationRow, 'id' | 'slug'>): Promise<OrgSigningKey | null> {
  const settings = await findOrgMail(deps.db, org.id)
  if (!settings?.fingerprint || !settings.publicKey) return null
  return { fingerprint: settings.fingerprint, publicKeyUrl: new URL(`/o/${org.slug}/openpgp.asc`, deps.config.publicUrl).href }
}

/** A cleartext signature over `text` (openpgp.js normalizes line endings and dash-escapes). */
export async function signCleartext(text: string, signingKey: openpgp.PrivateKey): Promise<string> {
  const message = await openpgp.createCleartextMessage({ text })
  return openpgp.sign({ message, signingKeys: signingKey })
}

const MAX_ENTRIES = 1000
const cache = new Map<string, Promise<string>>()

/**
 * The signed text, from the cache when this (org, policy version, key, canonical URL, day) was
 * already signed. `render` is called only on a miss. Falls back to the unsigned text (and logs) when
 * the key cannot be unlocked, so a broken key never takes security.txt down.
 */
export async function signedSecurityTxt(
  deps: Deps,
  org: OrganizationRow,
  key: OrgSigningKey,
  cacheKey: { policyVersionId: string; canonicalUrl: string },
  render: () => string,
): Promise<string> {
  const day = deps.now().toISOString().slice(0, 10)
  const id = [org.id, cacheKey.policyVersionId, key.fingerprint, cacheKey.canonicalUrl, day].join('|')
  const hit = cache.get(id)
  if (hit) return hit
  const text = render()
  const signing = (async () => {
    const { keys, problems } = await (await orgKeyring(deps.db, cipherFor(deps, org), org.id, key.fingerprint)).unlocked()
    const signer = keys[0]
    if (!signer) {
      deps.log.warn({ orgId: org.id, problems, event: 'policy.security-txt-unsigned' }, 'security.txt served unsigned: org key unusable')
      cache.delete(id)
      return text
    }
    return signCleartext(text, signer)
  })()
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(id, signing)
  signing.catch(() => cache.delete(id))
  return signing
}
