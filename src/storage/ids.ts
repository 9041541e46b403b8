import crypto from 'node:crypto'
import { uuidv7 } from 'uuidv7'

/** Internal row ids: UUIDv7, time-ordered so indexes stay compact. Never used as a secret. */
export const newId = (): string => uuidv7()

/** A secret for a link or cookie: 256 bits from the CSPRNG, base64url (ASVS v5.0.0-11.5.1, 7.2.3). */
export const newSecret = (): string => crypto.randomBytes(32).toString('base64url')

/** How secrets are stored: only their SHA-256, so a database copy cannot be used to log in or follow a report. */
export const hashSecret = (secret: string): string => crypto.createHash('sha256').update(secret, 'utf8').digest('hex')
