/**
 * The CSAF document files of the trusted-provider layout: the exact bytes, their SHA-256 and
 * SHA-512 files, and a detached OpenPGP signature (.asc) by the organization's key — the same key
 * that signs its security.txt. Signatures are cached per (organization, key, document hash): the
 * bytes of a revision never change, so neither does its signature.
 */
import crypto from 'node:crypto'
import * as openpgp from 'openpgp'
import { cipherFor, type Deps } from '../../deps.js'
import { orgKeyring } from '../../mail/index.js'
import { findOrgMail } from '../../storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'

export interface OrgKeyInfo {
  fingerprint: string
  url: string
}

export async function orgKeyInfo(deps: Deps, org: Pick<OrganizationRow, 'id' | 'slug'>): Promise<OrgKeyInfo | null> {
  const settings = await findOrgMail(deps.db, org.id)
  if (!settings?.fingerprint || !settings.publicKey) return null
  return { fingerprint: settings.fingerprint, url: new URL(`/o/${org.slug}/openpgp.asc`, deps.config.publicUrl).href }
}

/** "<hex>  <file name>\n", the form sha256sum writes and CSAF 7.1.18 accepts. */
export function hashFile(algorithm: 'sha256' | 'sha512', bytes: string, fileName: string): string {
  return `${crypto.createHash(algorithm).update(bytes, 'utf8').digest('hex')}  ${fileName}\n`
}

const MAX_ENTRIES = 1000
const cache = new Map<string, Promise<string | null>>()

/** The armored detached signature of `bytes`, or null when the organization's key cannot sign. */
export function detachedSignature(deps: Deps, org: OrganizationRow, key: OrgKeyInfo, bytes: string): Promise<string | null> {
  const id = [org.id, key.fingerprint, crypto.createHash('sha256').update(bytes, 'utf8').digest('hex')].join('|')
  const hit = cache.get(id)
  if (hit) return hit
  const signing = (async () => {
    const { keys, problems } = await (await orgKeyring(deps.db, cipherFor(deps, org), org.id, key.fingerprint)).unlocked()
    const signer = keys[0]
    if (!signer) {
      deps.log.warn({ orgId: org.id, problems, event: 'disclosure.csaf-unsigned' }, 'CSAF signature unavailable: org key unusable')
      cache.delete(id)
      return null
    }
    const message = await openpgp.createMessage({ binary: new TextEncoder().encode(bytes) })
    return openpgp.sign({ message, signingKeys: signer, detached: true, format: 'armored' })
  })()
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(id, signing)
  signing.catch(() => cache.delete(id))
  return signing
}
