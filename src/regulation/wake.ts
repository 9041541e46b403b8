/** When the CRA sweep should next look at a case: its next alert, or now when one is already due; null when nothing is left. */

import { planCraAlerts } from '../domain/regulation/cra-alerts.js'
import { type CraCaseFacts, craClocks } from '../domain/regulation/cra-clocks.js'

export function craWakeAt(facts: CraCaseFacts, alertsSent: readonly string[], timeZone: string, now: string): string | null {
  const plan = planCraAlerts(craClocks(facts, timeZone, now), new Set(alertsSent), now)
  if (plan.due.length > 0) return now
  return plan.nextAt ?? null
}
