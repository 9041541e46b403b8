import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'

/** A backup or restore that cannot go ahead; the message says why and what to do. */
export class BackupError extends Error {}

export interface BackupSummary {
  file: string
  bytes: number
  migrations: number
  organizations: number
  reports: number
}

/** The SQLite file a `sqlite:` database URL names, or null for any other database. */
export const sqliteFileOf = (databaseUrl: string): string | null =>
  databaseUrl.startsWith('sqlite:') && databaseUrl !== 'sqlite::memory:' ? path.resolve(databaseUrl.slice('sqlite:'.length)) : null

/**
 * Copies a live SQLite database to `target` with SQLite's online backup API (through
 * better-sqlite3): the copy is one consistent snapshot even while the server keeps writing, since
 * the API starts over when another connection changes a page it already copied. The copy is
 * checked (`integrity_check`) before this answers. It never overwrites an existing file.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupSummary> {
  if (!fs.existsSync(source)) throw new BackupError(`there is no database at ${source}`)
  const destination = path.resolve(target)
  if (fs.existsSync(destination)) throw new BackupError(`${destination} exists already; choose a new file name`)
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  // Written under a temporary name and renamed once whole and checked: an interrupted backup never
  // leaves a file that looks like one.
  const partial = `${destination}.partial`
  fs.rmSync(partial, { force: true })
  const db = new SQLite(source, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    await db.backup(partial)
  } finally {
    db.close()
  }
  fs.chmodSync(partial, 0o600)
  try {
    inspect(partial)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
  fs.renameSync(partial, destination)
  return inspect(destination)
}

/**
 * Puts a backup in place of the database at `target`. Refuses a target that holds any table
 * unless `force`, and refuses a file that is not an intact Embargo database. The backup is copied
 * next to the target first and then renamed over it, and the target's old `-wal`/`-shm` files are
 * removed, so a stale write-ahead log can never be replayed onto the restored pages. The server
 * must be stopped while this runs.
 */
export async function restoreSqlite(backup: string, target: string, options: { force: boolean }): Promise<BackupSummary> {
  const source = path.resolve(backup)
  if (!fs.existsSync(source)) throw new BackupError(`there is no backup at ${source}`)
  const summary = inspect(source)
  const destination = path.resolve(target)
  if (!options.force && tablesIn(destination) > 0) {
    throw new BackupError(`${destination} already holds a database; add --force to replace it (stop the server first)`)
  }
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const staging = `${destination}.restoring`
  fs.rmSync(staging, { force: true })
  const db = new SQLite(source, { readonly: true, fileMustExist: true })
  try {
    await db.backup(staging)
  } finally {
    db.close()
  }
  fs.chmodSync(staging, 0o600)
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${destination}${suffix}`, { force: true })
  fs.renameSync(staging, destination)
  return { ...summary, file: destination }
}

/** How many tables a SQLite file holds (0 when it does not exist or is empty). */
function tablesIn(file: string): number {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 0
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    return Number((db.prepare(`select count(*) as n from sqlite_master where type = 'table'`).get() as { n: number }).n)
  } finally {
    db.close()
  }
}

/** Checks that a file is an intact Embargo database and counts what it holds. */
function inspect(file: string): BackupSummary {
  let db: SQLite.Database
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as SQLite: ${(error as Error).message}`)
  }
  try {
    const count = (sqlText: string) => Number((db.prepare(sqlText).get() as { n: number }).n)
    let integrity: unknown
    try {
      integrity = db.pragma('integrity_check', { simple: true })
    } catch (error) {
      throw new BackupError(`${file} is not a SQLite database: ${(error as Error).message}`)
    }
    if (integrity !== 'ok') throw new BackupError(`${file} fails SQLite's integrity check: ${String(integrity)}`)
    if (count(`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`) === 0) {
      throw new BackupError(`${file} is not an Embargo database (it has no migration table)`)
    }
    return {
      file,
      bytes: fs.statSync(file).size,
      migrations: count('select count(*) as n from kysely_migration'),
      organizations: count('select count(*) as n from organization'),
      reports: count('select count(*) as n from report'),
    }
  } finally {
    db.close()
  }
}
