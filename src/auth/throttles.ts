import crypto from 'node:crypto'
import type { Deps } from '../deps.js'
import {
  failuresKeptPerKey,
  networkOf,
  resetLimits,
  retryAt,
  secondFactorLimits,
  secondFactorRefused,
  signInLimits,
  type ThrottleLimits,
} from '../domain/access/throttle.js'
import { addFailures, forgetFailures, pruneFailures, recentFailures } from '../storage/repositories/throttle-repository.js'

/**
 * The throttles of guesses (rules: src/domain/access/throttle.ts), kept in the database so every
 * process behind a load balancer counts the same failures and a restart forgets none. What is
 * counted is stored as an HMAC under a key derived from the master key: the table never holds a
 * typed address, an account id or a client address.
 */
export type ThrottleScope = 'sign-in' | 'password-change' | 'password-reset'

const limitsOf: Record<ThrottleScope, ThrottleLimits> = {
  'sign-in': signInLimits,
  'password-change': signInLimits,
  'password-reset': resetLimits,
}

const keys = new WeakMap<Deps, Buffer>()
function keyOf(deps: Deps): Buffer {
  let key = keys.get(deps)
  if (!key) {
    key = deps.keyring.derive('throttle-keys')
    keys.set(deps, key)
  }
  return key
}

const mac = (deps: Deps, ...parts: string[]) => crypto.createHmac('sha256', keyOf(deps)).update(parts.join('\u0000'), 'utf8').digest('hex')

/** Failures written by this process since it last dropped old ones. */
let writesSincePrune = 0
const pruneEvery = 256

/** Per (account, client network) and per account, as the rule describes; `account` is whatever the form names (typed address or member id). */
export class Throttle {
  private readonly limits: ThrottleLimits
  constructor(
    private readonly deps: Deps,
    private readonly scope: ThrottleScope,
  ) {
    this.limits = limitsOf[scope]
  }

  private keys(account: string, clientAddress: string): { network: string; account: string } {
    return { network: mac(this.deps, 'network', account, networkOf(clientAddress)), account: mac(this.deps, 'account', account) }
  }

  /** The time (ms since the epoch) before which this client may not try `account` again, or null if it may now. */
  async retryAt(account: string, clientAddress: string, now: number): Promise<number | null> {
    const k = this.keys(account, clientAddress)
    const since = now - this.limits.windowMs
    const network = await recentFailures(this.deps.db, this.scope, k.network, since, failuresKeptPerKey)
    if (network.length === 0) return null
    const onAccount = await recentFailures(this.deps.db, this.scope, k.account, since, failuresKeptPerKey)
    return retryAt(this.limits, network, onAccount, now)
  }

  async recordFailure(account: string, clientAddress: string, now: number): Promise<void> {
    const k = this.keys(account, clientAddress)
    await addFailures(this.deps.db, this.scope, [k.network, k.account], now)
    await pruneNow(this.deps, now)
  }

  /** The right password from this network: its own failures are forgiven; the account's stay counted. */
  async recordSuccess(account: string, clientAddress: string): Promise<void> {
    await forgetFailures(this.deps.db, this.scope, this.keys(account, clientAddress).network)
  }
}

async function pruneNow(deps: Deps, now: number): Promise<void> {
  if (++writesSincePrune < pruneEvery) return
  writesSincePrune = 0
  // Every window is 15 minutes; older failures change no decision.
  await pruneFailures(deps.db, now - Math.max(signInLimits.windowMs, resetLimits.windowMs, secondFactorLimits.windowMs))
}

/** Wrong second factors per person, over all their steps and networks (see secondFactorLimits). */
export async function secondFactorThrottled(deps: Deps, userId: string): Promise<boolean> {
  const now = deps.now().getTime()
  const failures = await recentFailures(
    deps.db,
    'second-factor',
    mac(deps, 'person', userId),
    now - secondFactorLimits.windowMs,
    secondFactorLimits.ceiling,
  )
  return secondFactorRefused(failures, now)
}

export async function recordSecondFactorFailure(deps: Deps, userId: string): Promise<void> {
  const now = deps.now().getTime()
  await addFailures(deps.db, 'second-factor', [mac(deps, 'person', userId)], now)
  await pruneNow(deps, now)
}
