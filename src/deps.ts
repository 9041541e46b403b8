import type { Logger } from 'pino'
import type { Config } from './config.js'
import type { IndexingOrgCipher, Keyring } from './storage/cipher.js'
import type { Db, Dialect } from './storage/db.js'
import type { OrganizationRow } from './storage/schema.js'
import type { WriteQueue } from './storage/write-queue.js'

/** What use cases need from the outside world, passed in so tests can control time and storage. */
export interface Deps {
  db: Db
  /** Transactions whose callers wait for a durable commit; shares commits between concurrent writers on SQLite. */
  writes: WriteQueue
  dialect: Dialect
  keyring: Keyring
  config: Config
  /** The current time. Tests pass a controllable clock. */
  now: () => Date
  log: Logger
}

export const cipherFor = (deps: Pick<Deps, 'keyring'>, org: Pick<OrganizationRow, 'id' | 'data_key_wrapped'>): IndexingOrgCipher =>
  deps.keyring.forOrg(org.id, org.data_key_wrapped)
