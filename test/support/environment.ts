/**
 * What the test run has at hand: a PostgreSQL server and a Chromium. `global-setup.ts` decides
 * once per run and hands the answer to every test file through vitest's `provide`/`inject`.
 * Tests read it with `postgres()` and `chromium()` below, never by probing again themselves.
 */
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL role that may CREATE DATABASE, or null when PostgreSQL tests are skipped. */
    pgAdminUrl: string | null
    /** Why PostgreSQL tests are skipped; null when they run. */
    pgSkipReason: string | null
    /** Path of the Chromium binary for browser tests, or null when they are skipped. */
    chromiumPath: string | null
    chromiumSkipReason: string | null
  }
}

export type Availability = { available: true; value: string } | { available: false; reason: string }

/** The PostgreSQL admin URL for this run, or why there is none. */
export function postgres(): Availability {
  const url = inject('pgAdminUrl')
  return url ? { available: true, value: url } : { available: false, reason: inject('pgSkipReason') ?? 'no PostgreSQL server' }
}

/** The Chromium binary for browser tests, or why there is none (a failure, not a skip, when CI=true). */
export function chromium(): Availability {
  const path = inject('chromiumPath')
  return path ? { available: true, value: path } : { available: false, reason: inject('chromiumSkipReason') ?? 'no Chromium' }
}

/**
 * Flags for Debian's Chromium here: headless, as root (no sandbox), and quiet on a machine whose
 * network is closed (without the background-networking flags it retries refused connections).
 * Playwright's `chromium.launch({ executablePath, args })` gives each browser a fresh profile.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
