/**
 * The EU Cyber Resilience Act's reporting clocks (Regulation (EU) 2024/2847, Article 14). Pure:
 * time is passed in, instants are ISO-8601 UTC strings; pages show them in the organization's zone.
 *
 * Unlike the policy's clocks (src/domain/clock/), these run in CALENDAR HOURS: weekends, public
 * holidays and closures do not stop them, and nothing pauses them.
 *
 * Rules (docs/policy.md, "EU Cyber Resilience Act (Article 14)"):
 * - An actively exploited vulnerability (Art. 14(1)-(2)): early warning 24 h after awareness,
 *   vulnerability notification 72 h after awareness, final report 14 × 24 h after a corrective or
 *   mitigating measure is available (recorded with its moment; until then the clock waits).
 * - A severe incident (Art. 14(3)-(4)): early warning 24 h, incident notification 72 h, final
 *   report one month after the incident notification was submitted (recorded filed): the same
 *   wall-clock time on the same day of the next month in the organization's zone, or the last day
 *   of that month when it has no such day (31 January → 28/29 February).
 * - A stage is met when the team records it filed (when, under which reference); filed after its
 *   deadline it is "filed late". A running stage past its deadline is overdue.
 */
import { instantAt, wallTimeAt } from '../calendar/zoned-time.js'

export const craKinds = ['vulnerability', 'incident'] as const
export type CraKind = (typeof craKinds)[number]

export const craStages = ['early-warning', 'notification', 'final-report'] as const
export type CraStage = (typeof craStages)[number]

export interface CraFiling {
  at: string
  reference: string
}

/** What the clocks are computed from: the case as recorded. */
export interface CraCaseFacts {
  kind: CraKind
  /** When the manufacturer became aware of the exploitation or the incident. */
  awareAt: string
  /** When a corrective or mitigating measure became available (vulnerabilities), if recorded. */
  measureAt: string | null
  filed: Partial<Record<CraStage, CraFiling>>
}

export type CraClockState = 'waiting' | 'running' | 'overdue' | 'filed' | 'filed-late'

export interface CraClock {
  stage: CraStage
  /** When the window opened; null while the stage waits for its start (a measure, the notification). */
  startedAt: string | null
  dueAt: string | null
  state: CraClockState
  filing?: CraFiling
}

const HOUR = 3_600_000
export const earlyWarningHours = 24
export const notificationHours = 72
/** "14 days" after the measure, in calendar hours. */
export const finalReportHours = 14 * 24

const iso = (ms: number) => new Date(ms).toISOString()

/** The same wall-clock time one month later in `timeZone`, clamped to the last day of that month. */
export function oneMonthLater(at: string, timeZone: string): string {
  const ms = Date.parse(at)
  const wall = wallTimeAt(ms, timeZone)
  const month = wall.month === 12 ? 1 : wall.month + 1
  const year = wall.month === 12 ? wall.year + 1 : wall.year
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return iso(instantAt({ ...wall, year, month, day: Math.min(wall.day, lastDay) }, timeZone))
}

/** Where each stage's window starts and ends, before filings are looked at. */
function windows(c: CraCaseFacts, timeZone: string): Record<CraStage, { startedAt: string | null; dueAt: string | null }> {
  const aware = Date.parse(c.awareAt)
  const final = (() => {
    if (c.kind === 'vulnerability') {
      return c.measureAt ? { startedAt: c.measureAt, dueAt: iso(Date.parse(c.measureAt) + finalReportHours * HOUR) } : null
    }
    const notified = c.filed.notification?.at
    return notified ? { startedAt: notified, dueAt: oneMonthLater(notified, timeZone) } : null
  })()
  return {
    'early-warning': { startedAt: c.awareAt, dueAt: iso(aware + earlyWarningHours * HOUR) },
    notification: { startedAt: c.awareAt, dueAt: iso(aware + notificationHours * HOUR) },
    'final-report': final ?? { startedAt: null, dueAt: null },
  }
}

/** The three clocks of a case at `now`. */
export function craClocks(c: CraCaseFacts, timeZone: string, now: string): CraClock[] {
  const w = windows(c, timeZone)
  const nowMs = Date.parse(now)
  return craStages.map((stage) => {
    const { startedAt, dueAt } = w[stage]
    const filing = c.filed[stage]
    if (filing) {
      const late = dueAt !== null && Date.parse(filing.at) > Date.parse(dueAt)
      return { stage, startedAt, dueAt, state: late ? 'filed-late' : 'filed', filing }
    }
    if (startedAt === null || dueAt === null) return { stage, startedAt, dueAt, state: 'waiting' }
    return { stage, startedAt, dueAt, state: nowMs > Date.parse(dueAt) ? 'overdue' : 'running' }
  })
}

/** The clocks still owed (running or overdue). */
export const openClocks = (clocks: readonly CraClock[]) => clocks.filter((c) => c.state === 'running' || c.state === 'overdue')

/** The earliest deadline among clocks still owed: what the overview sorts by. */
export function nextCraDue(clocks: readonly CraClock[]): string | undefined {
  return openClocks(clocks)
    .map((c) => c.dueAt as string)
    .sort()[0]
}
