/**
 * The policy side of one report in the workspace, as the report page shows it: its clocks,
 * severity, labels, process steps, "waiting on the reporter", and what a detailed response must
 * carry. The changes are use cases (use-cases/set-severity.ts and the others).
 */
import type { Deps } from '../deps.js'
import { type ClockEvent, pauses, timeline } from '../domain/clock/clock-events.js'
import type { Clock, UncomputableClock } from '../domain/clock/clocks.js'
import { checklist } from '../domain/policy/process-steps.js'
import { type Policy, type Severity, severities } from '../domain/policy/schema.js'
import { type SeverityScoring, scoringOf } from '../domain/severity/scoring.js'
import { reportClocks } from '../storage/report-clocks.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { findReportPolicyLabels } from '../storage/repositories/report-clock-repository.js'

export interface ReportPolicyView {
  version: number
  policy: Policy
  clocks: Clock[]
  /** Clocks the calendar cannot place; the panel shows each as an error. */
  clockErrors: UncomputableClock[]
  severity: Severity | null
  /** How the policy scores severity, and the report's CVSS vectors (shown only as the scoring allows). */
  scoring: SeverityScoring
  cvss31: string | null
  cvss40: string | null
  labels: string[]
  /** The labels the team may choose: the CURRENT policy's, plus any the report carries that it no longer defines. */
  labelChoices: Array<{ name: string; description: string | null }>
  steps: ReturnType<typeof checklist>
  waiting: boolean
  /** What a detailed response must contain (the policy's `responses.detailed`). */
  detailedContent: string[]
  /** Whether the policy has a detailed-response clock still open. */
  detailedOwed: boolean
}

/** The policy side of a report (no report text: who may read that is the need-to-know rule's, src/domain/access). */
export async function loadReportPolicy(deps: Deps, orgId: string, reportId: string): Promise<ReportPolicyView | undefined> {
  const now = deps.now().toISOString()
  const found = await reportClocks(deps.db, orgId, reportId, now)
  if (!found) return undefined
  const { policy, clocks, clockErrors, report, events } = found
  const stored = await findReportPolicyLabels(deps.db, orgId, reportId)
  if (!stored) return undefined
  const current = await currentPolicy(deps.db, orgId)
  const defined = (current?.policy ?? policy).labels ?? []
  const labelChoices = [
    ...defined.map((l) => ({ name: l.name, description: l.description })),
    ...stored.labels.filter((name) => !defined.some((l) => l.name === name)).map((name) => ({ name, description: null })),
  ]
  const open = pauses(timeline(events as ClockEvent[], Date.parse(now))).some((p) => p.to === undefined)
  return {
    version: stored.version,
    policy,
    clocks,
    clockErrors,
    severity: (report.severity as Severity | null) ?? null,
    scoring: scoringOf(policy),
    cvss31: report.cvss31_vector,
    cvss40: report.cvss40_vector,
    labels: stored.labels,
    labelChoices,
    steps: checklist(policy.process ?? [], events),
    waiting: open,
    detailedContent: policy.responses?.detailed ?? [],
    detailedOwed: clocks.some((c) => c.name === 'detailed-response' && c.state !== 'met' && c.state !== 'stopped'),
  }
}

export const isSeverity = (value: string): value is Severity => (severities as readonly string[]).includes(value)

/** What a detailed response can promise (the policy's `responses.detailed`); the reply form has one box per flag. */
export const detailedContentFlags = ['evaluation', 'next-steps', 'plan', 'workarounds', 'expected-resolution-date'] as const

/** A detailed response's facts, as its `reply.sent` event carries them. */
export type DetailedReply = Record<string, string | boolean>
