import type { Deps } from '../../deps.js'
import { pendingMigrations } from '../../storage/db.js'
import { anyWrappedDataKey, pingDatabase } from '../../storage/repositories/ops-repository.js'

export type CheckOutcome = 'ok' | 'failed'

/**
 * What the process's role runs besides the database, by name: `smtp` (the listener accepts),
 * `jobs` (the background loops run). False while it starts or drains for a shutdown.
 */
export type ProcessChecks = () => Record<string, boolean>

export interface Readiness {
  ready: boolean
  /** Each check by name; only `ok` or `failed`, never an error text (it could name a host or a file). */
  checks: { database: CheckOutcome; migrations: CheckOutcome; masterKey: CheckOutcome } & Record<string, CheckOutcome>
}

/**
 * Whether this process can serve: the database answers, its schema is the one this code expects
 * (no migration pending), and the master key it loaded opens an organization's data key (the
 * wrong key would start fine and then fail on every report). Failures are logged with their cause;
 * the answer itself names only which check failed.
 */
export async function checkReadiness(
  deps: Pick<Deps, 'db' | 'keyring' | 'log'>,
  processChecks: ProcessChecks = () => ({}),
): Promise<Readiness> {
  const attempt = async (name: string, check: () => Promise<boolean>): Promise<CheckOutcome> => {
    try {
      if (await check()) return 'ok'
      deps.log.warn({ check: name }, 'readiness check failed')
    } catch (error) {
      deps.log.warn({ check: name, err: error }, 'readiness check failed')
    }
    return 'failed'
  }
  const database = await attempt('database', async () => {
    await pingDatabase(deps.db)
    return true
  })
  const migrations = database === 'ok' ? await attempt('migrations', async () => (await pendingMigrations(deps.db)).length === 0) : 'failed'
  const masterKey =
    database === 'ok'
      ? await attempt('masterKey', async () => {
          const org = await anyWrappedDataKey(deps.db)
          // No organization yet: nothing to open, and the key was loaded at start or the process would not run.
          if (org) deps.keyring.forOrg(org.id, org.data_key_wrapped)
          return true
        })
      : 'failed'
  const parts = Object.fromEntries(Object.entries(processChecks()).map(([name, ok]) => [name, ok ? 'ok' : 'failed'] as const))
  const checks = { database, migrations, masterKey, ...parts }
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks }
}
