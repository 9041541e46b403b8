import { sql } from 'kysely'
import type { Database, Tx } from './db.js'

/** Writes a use case wants committed together: its rows, events and outbox messages. */
export type Work<T> = (tx: Tx) => Promise<T>

/**
 * What the units of one commit share: values a repository keeps from one unit to the next instead
 * of reading and writing the same row for each (the organization's event-chain head), and the
 * write that stores each such value once, just before the commit. A unit that fails takes its
 * changes to these values back with its rows (the values are restored as they were before it).
 * Values must be replaced, never mutated, for that restore to hold.
 */
export interface CommitScope {
  get<T>(key: string): T | undefined
  set<T>(key: string, value: T): void
  /** Runs `write` once before the commit (registered once per key; it reads the key's value then, and is skipped if a failed unit took it back). */
  beforeCommit(key: string, write: (tx: Tx, value: unknown) => Promise<void>): void
}

class Scope implements CommitScope {
  values = new Map<string, unknown>()
  readonly #writes = new Map<string, (tx: Tx, value: unknown) => Promise<void>>()
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined
  }
  set<T>(key: string, value: T): void {
    this.values.set(key, value)
  }
  beforeCommit(key: string, write: (tx: Tx, value: unknown) => Promise<void>): void {
    if (!this.#writes.has(key)) this.#writes.set(key, write)
  }
  async flush(tx: Tx): Promise<void> {
    for (const [key, write] of this.#writes) if (this.values.has(key)) await write(tx, this.values.get(key))
  }
}

const scopes = new WeakMap<Tx, CommitScope>()

/** The commit scope of a transaction the write queue runs; undefined for any other transaction (write at once then). */
export const commitScopeOf = (tx: Tx): CommitScope | undefined => scopes.get(tx)

/**
 * Runs each unit of work in a transaction, and answers only after the commit that holds it.
 *
 * Measured (bench/README.md, "Intake"): over HTTP, starting a commit the moment a unit arrived made
 * every batch one unit long, because better-sqlite3 never yields to the event loop, so no other
 * request could be read before the commit; one turn of the loop first made batches ~25 units and
 * intake 4× faster.
 *
 * On SQLite with `synchronous=FULL` every commit waits for an fsync, which caps one-commit-per-
 * request intake near 2k/s on this hardware. Here, work that arrives while a commit is in flight
 * queues up and the next commit carries all of it (group commit): each unit runs inside its own
 * SAVEPOINT, so one failing unit rolls back alone and rejects alone, while the others commit
 * together; every caller is answered only after its commit is durable, so nothing acknowledged
 * can be lost. PostgreSQL groups concurrent commits itself, so there each unit is a plain
 * transaction on its own pooled connection. Rows every unit would write (the event chain's head)
 * go through the transaction's `CommitScope` and are written once per commit.
 */
export class WriteQueue {
  readonly #database: Database
  readonly #maxBatch: number
  #pending: Array<{ work: Work<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void }> = []
  #flushing = false

  constructor(database: Database, options: { maxBatch?: number } = {}) {
    this.#database = database
    this.#maxBatch = options.maxBatch ?? 256
  }

  transaction<T>(work: Work<T>): Promise<T> {
    if (this.#database.dialect === 'postgres')
      return this.#database.db.transaction().execute(async (tx) => {
        const scope = new Scope()
        scopes.set(tx, scope)
        const result = await work(tx)
        await scope.flush(tx)
        return result
      })
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (!this.#flushing) {
        // Started on the next turn of the event loop, not at once: the other requests read in this
        // turn reach the queue first and share the commit (their handlers run only after this one
        // returns to the loop, and a batch on better-sqlite3 never yields to it).
        this.#flushing = true
        setImmediate(() => void this.#flush())
      }
    })
  }

  async #flush(): Promise<void> {
    this.#flushing = true
    try {
      let first = true
      while (this.#pending.length > 0) {
        // better-sqlite3 runs a batch, its commit and fsync included, without giving the event loop a
        // turn: requests that arrived meanwhile sit unread in the sockets. One turn between commits lets
        // them reach this queue, so the next commit carries them all instead of the few already waiting.
        if (!first) await new Promise((resolve) => setImmediate(resolve))
        first = false
        const batch = this.#pending.splice(0, this.#maxBatch)
        const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
        try {
          await this.#database.db.transaction().execute(async (tx) => {
            const scope = new Scope()
            scopes.set(tx, scope)
            for (const item of batch) {
              await sql`savepoint unit`.execute(tx)
              const before = new Map(scope.values)
              try {
                outcomes.push({ ok: true, value: await item.work(tx) })
                await sql`release savepoint unit`.execute(tx)
              } catch (error) {
                await sql`rollback to savepoint unit`.execute(tx)
                await sql`release savepoint unit`.execute(tx)
                scope.values = before
                outcomes.push({ ok: false, error })
              }
            }
            // What the units shared is written once, in the same commit (the chain head: once per batch, not per unit).
            await scope.flush(tx)
          })
        } catch (error) {
          // The commit itself failed: nothing of this batch is durable, so nobody is told otherwise.
          for (const item of batch) item.reject(error)
          continue
        }
        batch.forEach((item, i) => {
          const outcome = outcomes[i]
          if (outcome?.ok) item.resolve(outcome.value)
          else item.reject(outcome?.error)
        })
      }
    } finally {
      this.#flushing = false
    }
  }
}
