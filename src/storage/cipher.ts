import crypto from 'node:crypto'

/**
 * Encryption at rest for report text, messages and outbox payloads (ASVS v5.0.0-11.3.2/11.3.3).
 *
 * Each organization has its own 256-bit data key, stored wrapped (AES-256-GCM) by the master key.
 * Every value is sealed with AES-256-GCM under a fresh 96-bit random nonce, and bound by its
 * additional data to where it belongs (organization, column, row): a ciphertext copied into
 * another row or organization does not decrypt.
 *
 * Format: `v1.<nonce>.<ciphertext>.<tag>`, each part base64url.
 */
const VERSION = 'v1'

function seal(key: Buffer, plain: Buffer, aad: string): string {
  const nonce = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return [VERSION, nonce.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const parts = sealed.split('.')
  const [version, nonce, body, tag] = parts
  if (parts.length !== 4 || version !== VERSION || nonce === undefined || body === undefined || tag === undefined) {
    throw new CipherError('not a sealed value')
  }
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'))
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()])
  } catch {
    throw new CipherError('value does not decrypt with this key and context')
  }
}

export class CipherError extends Error {}

/** Seals and opens one organization's values. */
export interface OrgCipher {
  encrypt(plain: string, context: string): string
  decrypt(sealed: string, context: string): string
}

/** An organization's cipher that can also compute blind indexes (what `Keyring.forOrg` returns). */
export interface IndexingOrgCipher extends OrgCipher {
  /**
   * Keyed blind index of `value` for equality lookups on sealed columns (a Message-ID for threading
   * and collision checks): HMAC-SHA256 under a key derived by HKDF from the organization's data key
   * for this `purpose` only, hex. Equal values give equal indexes within one organization and
   * purpose; without the data key the index says nothing about the value.
   */
  blindIndex(purpose: string, value: string): string
}

/** Holds the master key and the unwrapped data keys of the organizations seen so far. */
export class Keyring {
  readonly #master: Buffer
  readonly #orgKeys = new Map<string, Buffer>()
  readonly #indexKeys = new Map<string, Buffer>()

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new CipherError('the master key must be 32 bytes')
    this.#master = Buffer.from(masterKey)
  }

  /** A new data key for an organization, already wrapped for storage. */
  newWrappedDataKey(orgId: string): string {
    return seal(this.#master, crypto.randomBytes(32), `org-data-key|${orgId}`)
  }

  forOrg(orgId: string, wrappedKey: string): IndexingOrgCipher {
    // Cached by the wrapped key too, so a rotated (re-wrapped or replaced) key is never shadowed.
    const cacheKey = `${orgId}|${wrappedKey}`
    let key = this.#orgKeys.get(cacheKey)
    if (!key) {
      key = open(this.#master, wrappedKey, `org-data-key|${orgId}`)
      this.#orgKeys.set(cacheKey, key)
    }
    const dataKey = key
    // Derived once per data key and purpose, not once per cipher (a cipher is made for every unit of work).
    const indexKey = (purpose: string): Buffer => {
      const name = `${cacheKey}|${purpose}`
      let k = this.#indexKeys.get(name)
      if (!k) {
        k = Buffer.from(crypto.hkdfSync('sha256', dataKey, Buffer.alloc(0), `embargo|blind-index|${orgId}|${purpose}`, 32))
        this.#indexKeys.set(name, k)
      }
      return k
    }
    return {
      blindIndex: (purpose, value) => crypto.createHmac('sha256', indexKey(purpose)).update(value, 'utf8').digest('hex'),
      encrypt: (plain, context) => seal(dataKey, Buffer.from(plain, 'utf8'), `${orgId}|${context}`),
      decrypt: (sealed, context) => open(dataKey, sealed, `${orgId}|${context}`).toString('utf8'),
    }
  }

  /**
   * Seals and opens values that belong to no organization (a person's TOTP secret serves every
   * organization they are a member of), under a key derived from the master key for `purpose`
   * only; the additional data binds each value to its context as for organizations' values.
   */
  forInstance(purpose: string): OrgCipher {
    const key = this.derive(`instance-data|${purpose}`)
    return {
      encrypt: (plain, context) => seal(key, Buffer.from(plain, 'utf8'), `instance|${purpose}|${context}`),
      decrypt: (sealed, context) => open(key, sealed, `instance|${purpose}|${context}`).toString('utf8'),
    }
  }

  /**
   * A secret for one purpose (CSRF tokens, cookie signing), derived from the master key with
   * HKDF so operators have one secret to keep, and one purpose's key never serves another.
   */
  derive(purpose: string): Buffer {
    return Buffer.from(crypto.hkdfSync('sha256', this.#master, Buffer.alloc(0), `embargo|${purpose}`, 32))
  }
}
