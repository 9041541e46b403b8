/**
 * Runs once per `vitest run`, before any test file: finds or starts a PostgreSQL server and finds
 * Chromium, then hands both to the test files (`project.provide`, read with `inject` in
 * `environment.ts`).
 *
 * PostgreSQL, in order:
 *   1. `EMBARGO_TEST_PG_URL`: a server you run; the role must be allowed to CREATE DATABASE.
 *   2. PostgreSQL's server binaries (`/usr/lib/postgresql/<version>/bin`): a throwaway cluster in a
 *      temp folder, on a free loopback port, with a random password, stopped and deleted at the end.
 *      As root it runs as the `postgres` system user (initdb refuses root).
 *   3. Neither (or `EMBARGO_TEST_PG=off`): PostgreSQL variants are skipped with a loud warning,
 *      except when CI=true, where the run fails: CI must prove both dialects.
 * Durability stays on (fsync, synchronous_commit, full_page_writes): the app refuses anything less.
 */
import fs from 'node:fs'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import type {} from './environment.js'
import { findPostgresBin, PG_ROOT, startCluster } from './pg-cluster.js'

const CI = process.env.CI === 'true'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const warnings: string[] = []
  const cleanups: Array<() => void> = []
  const runCleanups = () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  }
  // If vitest exits without calling the teardown (a crash, Ctrl-C), still stop the cluster.
  process.once('exit', runCleanups)
  try {
    await prepare(project, warnings, cleanups)
  } catch (error) {
    runCleanups()
    throw error
  }
  shout(warnings)
  return async () => {
    runCleanups()
    process.off('exit', runCleanups)
    shout(warnings) // again, so it is next to the summary
  }
}

async function prepare(project: TestProject, warnings: string[], cleanups: Array<() => void>): Promise<void> {
  const postgres = await findPostgres(cleanups)
  if ('reason' in postgres) {
    if (CI) throw new Error(`CI=true but PostgreSQL tests cannot run: ${postgres.reason}`)
    warnings.push(`PostgreSQL tests are SKIPPED: ${postgres.reason}`)
  }
  project.provide('pgAdminUrl', 'url' in postgres ? postgres.url : null)
  project.provide('pgSkipReason', 'reason' in postgres ? postgres.reason : null)

  const chromium = findChromium()
  if ('reason' in chromium) {
    if (CI) throw new Error(`CI=true but browser tests cannot run: ${chromium.reason}`)
    warnings.push(`Browser tests are SKIPPED: ${chromium.reason}`)
  }
  project.provide('chromiumPath', 'path' in chromium ? chromium.path : null)
  project.provide('chromiumSkipReason', 'reason' in chromium ? chromium.reason : null)
}

type Found = { url: string } | { reason: string }

async function findPostgres(cleanups: Array<() => void>): Promise<Found> {
  const given = process.env.EMBARGO_TEST_PG_URL
  if (given) {
    await checkConnects(given, 'EMBARGO_TEST_PG_URL')
    return { url: given }
  }
  if (process.env.EMBARGO_TEST_PG === 'off') return { reason: 'EMBARGO_TEST_PG=off' }
  const bin = findPostgresBin()
  if (!bin) {
    return {
      reason: `EMBARGO_TEST_PG_URL is not set and no PostgreSQL server is installed (${PG_ROOT}/*/bin/initdb); apt-get install postgresql`,
    }
  }
  return { url: await startTestCluster(bin, cleanups) }
}

async function startTestCluster(bin: string, cleanups: Array<() => void>): Promise<string> {
  const started = Date.now()
  const cluster = await startCluster(bin, { folderPrefix: 'embargo-pg-' })
  cleanups.push(cluster.stop)
  await checkConnects(cluster.url, 'the test cluster')
  process.stderr.write(`PostgreSQL test cluster (${bin}) on 127.0.0.1:${cluster.port}, started in ${Date.now() - started} ms\n`)
  return cluster.url
}

async function checkConnects(url: string, what: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    throw new Error(`Cannot connect to ${what}: ${(error as Error).message}`)
  } finally {
    await client.end().catch(() => {})
  }
}

function findChromium(): { path: string } | { reason: string } {
  const file = process.env.EMBARGO_TEST_CHROMIUM ?? '/usr/bin/chromium'
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return { path: file }
  } catch {
    return { reason: `no executable Chromium at ${file}; apt-get install chromium` }
  }
}

function shout(warnings: string[]): void {
  if (warnings.length === 0) return
  const bar = '!'.repeat(100)
  const lines = [bar, ...warnings.map((w) => `!!! ${w}`), bar]
  const text = process.stderr.isTTY ? `\x1b[1;33m${lines.join('\n')}\x1b[0m` : lines.join('\n')
  process.stderr.write(`\n${text}\n\n`)
}
