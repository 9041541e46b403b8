import crypto from 'node:crypto'

/**
 * The bot trap's clock: the form carries the time it was served, signed so it cannot be forged.
 * A form sent back faster than a human could fill it is shown again instead of being accepted;
 * a person just sends it once more. No third-party CAPTCHA, nothing lost.
 */
export function signFormTime(key: Buffer, at: Date): string {
  const ts = String(at.getTime())
  return `${ts}.${crypto.createHmac('sha256', key).update(ts).digest('base64url')}`
}

/** Seconds since the form was served, or null when the stamp is missing or forged. */
export function secondsSinceServed(key: Buffer, stamp: unknown, now: Date): number | null {
  if (typeof stamp !== 'string') return null
  const [ts, mac] = stamp.split('.')
  if (!ts || !mac || !/^\d{1,15}$/.test(ts)) return null
  const expected = crypto.createHmac('sha256', key).update(ts).digest()
  const given = Buffer.from(mac, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  return (now.getTime() - Number(ts)) / 1000
}
