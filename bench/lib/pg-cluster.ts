/**
 * PostgreSQL for the bench: the server in `EMBARGO_BENCH_PG_URL` (a role that may CREATE DATABASE),
 * else a throwaway cluster (`test/support/pg-cluster.ts`, as the tests use: initdb in a temp
 * folder, loopback only, fsync on), else nothing and the PostgreSQL rows are skipped with a reason.
 */
import pg from 'pg'
import { type Cluster, findPostgresBin, PG_ROOT, startCluster } from '../../test/support/pg-cluster.js'

export interface PgServer {
  adminUrl: string
  origin: string
  /** A new empty database on the server; returns its URL. */
  createDatabase(name: string): Promise<string>
  dropDatabase(name: string): Promise<void>
  stop(): void
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

function server(adminUrl: string, origin: string, stop: () => void): PgServer {
  return {
    adminUrl,
    origin,
    async createDatabase(name) {
      await admin(adminUrl, `create database ${name}`)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      return url.href
    },
    async dropDatabase(name) {
      await admin(adminUrl, `drop database if exists ${name} with (force)`)
    },
    stop,
  }
}

/** The PostgreSQL server to bench against, or the reason there is none. */
export async function findOrStartPostgres(): Promise<PgServer | { skip: string }> {
  const given = process.env.EMBARGO_BENCH_PG_URL
  if (given) return server(given, 'EMBARGO_BENCH_PG_URL', () => {})
  const bin = findPostgresBin()
  if (!bin) return { skip: `EMBARGO_BENCH_PG_URL is not set and no PostgreSQL is installed under ${PG_ROOT} (apt-get install postgresql)` }
  let cluster: Cluster
  try {
    cluster = await startCluster(bin, { folderPrefix: 'embargo-bench-pg-', settings: ['-c shared_buffers=512MB'] })
  } catch (error) {
    return { skip: `the throwaway cluster did not start: ${String(error).slice(-500)}` }
  }
  process.once('exit', cluster.stop)
  return server(cluster.url, `throwaway cluster (${bin})`, () => {
    process.off('exit', cluster.stop)
    cluster.stop()
  })
}
