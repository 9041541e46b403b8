import { Secret, TOTP } from 'otpauth'

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const period = 30
const digits = 6

/** A fresh secret from the CSPRNG (160 bits, RFC 4226's recommendation), base32 as apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32

/** The `otpauth://` URI the QR code carries. */
export const totpUri = (secret: string, account: string, issuer: string): string =>
  new TOTP({ issuer, label: account, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits, period }).toString()

/** The time step of an instant. */
export const totpStep = (nowMs: number): number => TOTP.counter({ period, timestamp: nowMs })

/**
 * The time step whose code `code` is, if it is the code of the current step or of the one just
 * before or after (clock drift, ASVS v5.0.0-6.5.5: a code lives about 30 s), else null.
 * Whether that step was used already is the caller's question (repository: last accepted step).
 */
export function matchingTotpStep(secret: string, code: string, nowMs: number): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits, period })
  const delta = totp.validate({ token, timestamp: nowMs, window: 1 })
  return delta === null ? null : totpStep(nowMs) + delta
}

/** The code of a step, for tests that play the authenticator app. */
export const totpCodeAt = (secret: string, nowMs: number): string =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits, period, timestamp: nowMs })
