/**
 * The one delivery loop of the outbox: claims due rows of the kinds it has a handler for (a lease,
 * `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two processes never take the same row), hands each to
 * its kind's handler, and marks it sent, or schedules the next attempt (exponential backoff with a
 * cap), or keeps it as a dead letter. Mail (`src/mail`) and announcements (`src/announcements`)
 * are handlers of this loop; neither has a loop of its own.
 */
import type { Deps } from '../deps.js'
import { claimDueOutbox, markOutboxFailed, markOutboxSent } from '../storage/repositories/outbox-repository.js'
import type { OutboxRow } from '../storage/schema.js'
import { nextAttemptAt } from './backoff.js'

/** A delivery that did not happen: `permanent` ones are not tried again (dead letter at once). */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message)
    this.name = 'DeliveryFailed'
  }
}

/**
 * Delivers one row. Resolves when delivered; throws when not. The loop decides about retrying with
 * `classify` (default: `DeliveryFailed` says; anything else is temporary, its message the reason).
 */
export interface OutboxHandler {
  deliver(row: OutboxRow): Promise<void>
  classify?(error: unknown): { permanent: boolean; reason: string }
}

export interface OutboxLoop {
  /** One pass: every due row, in batches. Returns how many rows were handled. */
  runOnce(): Promise<number>
  start(): void
  stop(): Promise<void>
}

/** A row whose worker died is taken again after this lease. */
const leaseMs = 5 * 60_000

const defaultClassify = (error: unknown) =>
  error instanceof DeliveryFailed
    ? { permanent: error.permanent, reason: error.message }
    : { permanent: false, reason: error instanceof Error ? error.message : 'delivery failed' }

export function createOutboxLoop(
  deps: Pick<Deps, 'db' | 'dialect' | 'now' | 'log'>,
  handlers: Readonly<Record<string, OutboxHandler>>,
  options: { intervalMs?: number; batch?: number } = {},
): OutboxLoop {
  const kinds = Object.keys(handlers)
  const interval = options.intervalMs ?? 2000
  let running = false
  /** Set by `stop`: the pass under way ends after the batch in hand (every row it claimed is handled). */
  let stopping = false
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null

  async function handle(row: OutboxRow): Promise<void> {
    const handler = handlers[row.kind] as OutboxHandler
    const at = () => deps.now().toISOString()
    try {
      await handler.deliver(row)
      await markOutboxSent(deps.db, row.org_id, row.id, at())
    } catch (error) {
      const attempts = Number(row.attempts) + 1
      const { permanent, reason } = (handler.classify ?? defaultClassify)(error)
      const next = permanent ? null : nextAttemptAt(attempts, deps.now())
      await markOutboxFailed(deps.db, row.org_id, row.id, reason, next?.toISOString() ?? null, at())
      deps.log.warn(
        { outboxId: row.id, orgId: row.org_id, kind: row.kind, attempts, dead: next === null, reason, event: 'outbox.failed' },
        'outbox delivery failed',
      )
    }
  }

  async function runOnce(): Promise<number> {
    let handled = 0
    for (;;) {
      const now = deps.now()
      const rows = await claimDueOutbox(
        deps.db,
        deps.dialect,
        kinds,
        now.toISOString(),
        new Date(now.getTime() + leaseMs).toISOString(),
        options.batch ?? 20,
      )
      if (rows.length === 0) return handled
      for (const row of rows) await handle(row)
      handled += rows.length
      if (stopping) return handled
    }
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await runOnce()
      } catch (error) {
        deps.log.error(
          { err: { message: error instanceof Error ? error.message : 'error' }, event: 'outbox.error' },
          'outbox worker pass failed',
        )
      }
      if (!running) break
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = null
    }
  }

  return {
    runOnce,
    start() {
      if (running) return
      running = true
      stopping = false
      loop = run()
    },
    async stop() {
      running = false
      stopping = true
      wake?.()
      await loop
    },
  }
}
