import crypto from 'node:crypto'
import { hashSecret } from '../../storage/ids.js'

/** Letters and digits that are not confused when copied by hand (no 0/o, 1/l/i). */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
export const recoveryCodeCount = 10

/** One code: 16 characters from the CSPRNG (about 78 bits), grouped by four: `abcd-efgh-jkmn-pqrs`. */
function newRecoveryCode(): string {
  const chars: string[] = []
  while (chars.length < 16) {
    const byte = crypto.randomBytes(1)[0] as number
    // Rejection sampling keeps every character equally likely.
    if (byte < 256 - (256 % alphabet.length)) chars.push(alphabet[byte % alphabet.length] as string)
  }
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

export const newRecoveryCodes = (): string[] => Array.from({ length: recoveryCodeCount }, newRecoveryCode)

/** How a code is stored: the SHA-256 of its characters, whatever the case, spaces or dashes typed. */
export const hashRecoveryCode = (typed: string): string => hashSecret(typed.toLowerCase().replace(/[^a-z0-9]/g, ''))
