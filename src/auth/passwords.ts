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

const common = new Set(['password1234', 'passwordpassword', '123456789012', 'qwertyuiopas', 'letmeinletmein', 'embargoembargo'])

export function checkNewPassword(password: string): PasswordProblem | null {
  if ([...password].length < passwordLimits.min) return 'too-short'
  if ([...password].length > passwordLimits.max) return 'too-long'
  if (common.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return 'common'
  return null
}
