import type { Config } from '../../config.js'
import { BackupError, type BackupSummary, backupSqlite, restoreSqlite, sqliteFileOf } from '../../storage/backup.js'

export { BackupError, type BackupSummary }

/** Where the master key comes from: what must be kept (apart from the backup) to read it. */
export const masterKeySource = (config: Pick<Config, 'masterKey' | 'masterKeyFile'>): string =>
  config.masterKey ? 'the EMBARGO_MASTER_KEY environment variable' : `the key file ${config.masterKeyFile}`

const postgresOnly = (verb: string) =>
  new BackupError(
    `${verb} works on the embedded SQLite database; for PostgreSQL use pg_dump and pg_restore as docs/operations.md describes`,
  )

/** `embargo backup <file>`: a consistent copy of the running instance's SQLite database. */
export async function backupDatabase(config: Pick<Config, 'databaseUrl'>, file: string): Promise<BackupSummary> {
  const source = sqliteFileOf(config.databaseUrl)
  if (!source) throw postgresOnly('embargo backup')
  return backupSqlite(source, file)
}

/** `embargo restore <file>`: the backup becomes the configured SQLite database (server stopped). */
export async function restoreDatabase(
  config: Pick<Config, 'databaseUrl'>,
  file: string,
  options: { force: boolean },
): Promise<BackupSummary> {
  const target = sqliteFileOf(config.databaseUrl)
  if (!target) throw postgresOnly('embargo restore')
  return restoreSqlite(file, target, options)
}
