import crypto from 'node:crypto'
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { Deps } from '../deps.js'
import { countRequest, pruneRequestWindows } from '../storage/repositories/request-window-repository.js'

/**
 * The per-route request limits (`config.rateLimit: { max, timeWindow }`) counted in the database,
 * so every process behind a load balancer counts the same requests and a restart forgets none: a
 * store for `@fastify/rate-limit` (its documented `store` option). One fixed window per route and
 * client key, as the plugin's own in-memory store keeps them: the first request opens a window of
 * the route's `timeWindow`; once `max` requests fell in it, the next get 429 until it ends.
 *
 * What is stored is an HMAC of the route and the client key (the client address, by default)
 * under a key derived from the master key, as for the throttles of guesses: the table never holds
 * an address. Time comes from `deps.now()`.
 *
 * When the database does not answer, the request is let through (`skipOnError` where the store is
 * registered) and the failure is logged: this is a flood control, not a security control. The
 * throttles of guesses (src/auth/throttles.ts) are the security control, and a database that does
 * not answer fails them, and sign-in with them, closed anyway. A request limit that failed closed
 * would turn a database hiccup into refusing every submission and every sign-in page even after
 * the database is back in the middle of a window; failing open costs, for the length of the
 * outage, only the counting.
 */
export function sharedRequestLimits(deps: Deps): FastifyRateLimitStoreCtor {
  const key = deps.keyring.derive('request-limit-keys')
  const log = failureLog(deps)
  let countsSincePrune = 0
  const pruneEvery = 256

  class DatabaseWindowStore implements FastifyRateLimitStore {
    private readonly route: string
    constructor(options: FastifyRateLimitOptions & { routeInfo?: { method?: string | string[]; url?: string } }) {
      const info = options.routeInfo
      this.route = info ? `${[info.method ?? ''].flat().join(',')} ${info.url ?? ''}` : ''
    }

    incr(client: string, done: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = deps.now().getTime()
      const digest = crypto.createHmac('sha256', key).update(`${this.route}\u0000${client}`, 'utf8').digest('hex')
      countRequest(deps.db, digest, now, timeWindow)
        .then(async (counted) => {
          if (++countsSincePrune >= pruneEvery) {
            countsSincePrune = 0
            await pruneRequestWindows(deps.db, now)
          }
          done(null, { current: counted.hits, ttl: Math.max(0, counted.endsAt - now) })
        })
        .catch((error: Error) => {
          log(error)
          done(error)
        })
    }

    child(routeOptions: unknown): FastifyRateLimitStore {
      return new DatabaseWindowStore(routeOptions as ConstructorParameters<typeof DatabaseWindowStore>[0])
    }
  }
  return DatabaseWindowStore
}

/** Logs a failure to count, at most once a minute per process: a database outage under a flood must not flood the log too. */
function failureLog(deps: Deps): (error: Error) => void {
  let lastAt = Number.NEGATIVE_INFINITY
  let missed = 0
  return (error) => {
    const now = deps.now().getTime()
    if (now - lastAt < 60_000) {
      missed++
      return
    }
    deps.log.error(
      { event: 'rate_limit.store_failed', err: error.message, uncountedSinceLast: missed },
      'request limits not counted: the database did not answer; requests are let through meanwhile',
    )
    lastAt = now
    missed = 0
  }
}
