import { sql } from 'kysely'
import type { Database, Tx } from './db.js'

/** Writes a use case wants committed together: its rows, events and outbox messages. */
export type Work<T> = (tx: Tx) => Promise<T>

/**
 * Runs each unit of work in a transaction, and answers only after the commit that holds it.
 *
 * On SQLite with `synchronous=FULL` every commit waits for an fsync, which caps one-commit-per-
 * request intake near 2k/s on this hardware. Here, work that arrives while a commit is in flight
 * queues up and the next commit carries all of it (group commit): each unit runs inside its own
 * SAVEPOINT, so one failing unit rolls back alone and rejects alone, while the others commit
 * together; every caller is answered only after its commit is durable, so nothing acknowledged
 * can be lost. PostgreSQL groups concurrent commits itself, so there each unit is a plain
 * transaction on its own pooled connection.
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
    if (this.#database.dialect === 'postgres') return this.#database.db.transaction().execute(work)
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (!this.#flushing) void this.#flush()
    })
  }

  async #flush(): Promise<void> {
    this.#flushing = true
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0, this.#maxBatch)
        const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
        try {
          await this.#database.db.transaction().execute(async (tx) => {
            for (const item of batch) {
              await sql`savepoint unit`.execute(tx)
              try {
                outcomes.push({ ok: true, value: await item.work(tx) })
                await sql`release savepoint unit`.execute(tx)
              } catch (error) {
                await sql`rollback to savepoint unit`.execute(tx)
                await sql`release savepoint unit`.execute(tx)
                outcomes.push({ ok: false, error })
              }
            }
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
