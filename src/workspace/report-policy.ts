/**
 * The policy side of one report in the workspace: its clocks, severity, labels, process steps,
 * "waiting on the reporter", and what a detailed response must carry. Each change is an event,
 * written with the recomputed due times in one transaction.
 */
import { cipherFor, type Deps } from '../deps.js'
import { type ClockEvent, pauses, timeline } from '../domain/clock/clock-events.js'
import type { Clock, UncomputableClock } from '../domain/clock/clocks.js'
import { checklist, checkStep, openBeforePublishing, type StepError } from '../domain/policy/process-steps.js'
import { type Policy, type Severity, severities } from '../domain/policy/schema.js'
import { fail, ok, type Result } from '../domain/result.js'
import { HttpProblem } from '../http/problems.js'
import type { Tx } from '../storage/db.js'
import { refreshReportClocks, reportClocks } from '../storage/report-clocks.js'
import { appendEvents } from '../storage/repositories/event-repository.js'
import { setReportLabels, setReportSeverity } from '../storage/repositories/report-clock-repository.js'
import { findReportByRef } from '../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export interface ReportPolicyView {
  version: number
  policy: Policy
  clocks: Clock[]
  /** Clocks the calendar cannot place; the panel shows each as an error. */
  clockErrors: UncomputableClock[]
  severity: Severity | null
  labels: string[]
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
  const version = await deps.db
    .selectFrom('report')
    .innerJoin('policy_version', 'policy_version.id', 'report.policy_version_id')
    .select(['policy_version.version', 'report.labels'])
    .where('report.org_id', '=', orgId)
    .where('report.id', '=', reportId)
    .executeTakeFirstOrThrow()
  const open = pauses(timeline(events as ClockEvent[], Date.parse(now))).some((p) => p.to === undefined)
  return {
    version: Number(version.version),
    policy,
    clocks,
    clockErrors,
    severity: (report.severity as Severity | null) ?? null,
    labels: JSON.parse(version.labels) as string[],
    steps: checklist(policy.process ?? [], events),
    waiting: open,
    detailedContent: policy.responses?.detailed ?? [],
    detailedOwed: clocks.some((c) => c.name === 'detailed-response' && c.state !== 'met'),
  }
}

type Actor = { userId: string }

/** Finds the report, runs `write` with it in a transaction, recomputes its clocks there. */
async function change<E>(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  write: (tx: Tx, report: { id: string }, policy: Policy | undefined, at: string) => Promise<E | undefined>,
): Promise<Result<void, E>> {
  const report = await findReportByRef(deps.db, cipherFor(deps, org), org.id, ref)
  if (!report) throw new HttpProblem('NOT_FOUND')
  const at = deps.now().toISOString()
  return deps.db.transaction().execute(async (tx) => {
    const found = await reportClocks(tx, org.id, report.id, at, true)
    const error = await write(tx, report, found?.policy, at)
    if (error !== undefined) return fail(error)
    await refreshReportClocks(tx, org.id, report.id, at)
    return ok(undefined)
  })
}

const event = (reportId: string, actor: Actor, type: string, data: Record<string, string | number | boolean | null>, at: string) => ({
  reportId,
  actorKind: 'user' as const,
  actorId: actor.userId,
  type,
  data,
  at,
})

export const isSeverity = (value: string): value is Severity => (severities as readonly string[]).includes(value)

/** Severity drives the policy's per-severity clocks and alerts (healthIMIS: high alerts the whole team). */
export const setSeverity = (deps: Deps, org: OrganizationRow, ref: string, severity: Severity | null, actor: Actor) =>
  change<never>(deps, org, ref, async (tx, report, _policy, at) => {
    const before = await tx
      .selectFrom('report')
      .select('severity')
      .where('org_id', '=', org.id)
      .where('id', '=', report.id)
      .executeTakeFirst()
    if ((before?.severity ?? null) === severity) return undefined
    await setReportSeverity(tx, org.id, report.id, severity)
    await appendEvents(tx, org.id, [event(report.id, actor, 'report.severity_set', { from: before?.severity ?? null, to: severity }, at)])
    return undefined
  })

/** Labels the policy defines (e.g. Alkemio's `informational`); others are ignored. */
export const setLabels = (deps: Deps, org: OrganizationRow, ref: string, labels: string[], actor: Actor) =>
  change<never>(deps, org, ref, async (tx, report, policy, at) => {
    const known = new Set((policy?.labels ?? []).map((l) => l.name))
    const chosen = [...new Set(labels.filter((l) => known.has(l)))].sort()
    await setReportLabels(tx, org.id, report.id, chosen)
    await appendEvents(tx, org.id, [event(report.id, actor, 'report.labels_set', { labels: chosen.join(',') }, at)])
    return undefined
  })

/** Pauses the clocks the policy lets pause, until the reporter replies. */
export const markWaitingOnReporter = (deps: Deps, org: OrganizationRow, ref: string, actor: Actor) =>
  change<never>(deps, org, ref, async (tx, report, _policy, at) => {
    await appendEvents(tx, org.id, [event(report.id, actor, 'report.waiting_on_reporter', {}, at)])
    return undefined
  })

/** Records a process step done (or an optional one skipped), refusing steps out of order. */
export const recordStep = (deps: Deps, org: OrganizationRow, ref: string, stepId: string, skip: boolean, actor: Actor) =>
  change<StepError>(deps, org, ref, async (tx, report, policy, at) => {
    const steps = policy?.process ?? []
    const events = await tx
      .selectFrom('event')
      .select(['type', 'data'])
      .where('org_id', '=', org.id)
      .where('report_id', '=', report.id)
      .orderBy('seq')
      .execute()
    const parsed = events.map((e) => ({ type: e.type, data: JSON.parse(e.data) as Record<string, unknown> }))
    const refused = checkStep(steps, parsed, stepId, skip)
    if (refused) return refused
    await appendEvents(tx, org.id, [event(report.id, actor, skip ? 'process.step_skipped' : 'process.step_done', { step: stepId }, at)])
    return undefined
  })

/** The steps that must be done before the report may be published (status `disclosed`). */
export async function stepsBeforePublishing(deps: Deps, org: OrganizationRow, ref: string): Promise<string[]> {
  const report = await deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).where('ref', '=', ref).executeTakeFirst()
  if (!report) return []
  const found = await reportClocks(deps.db, org.id, report.id, deps.now().toISOString())
  return found ? openBeforePublishing(found.policy.process ?? [], found.events) : []
}

export type DetailedReply = Record<string, string | boolean>

/**
 * Reads the "detailed response" part of the reply form: the checkbox, one checkbox per content
 * flag the policy asks for, and the expected resolution date. A detailed response that lacks
 * something the policy promises is refused, naming what is missing.
 */
export async function readDetailedReply(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  form: Record<string, unknown>,
): Promise<Result<DetailedReply | undefined, string[]>> {
  if (form.detailed !== 'on' && form.detailed !== 'true') return ok(undefined)
  const report = await deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).where('ref', '=', ref).executeTakeFirst()
  const found = report ? await reportClocks(deps.db, org.id, report.id, deps.now().toISOString()) : undefined
  const required = found?.policy.responses?.detailed ?? []
  const detail: DetailedReply = { detailed: true }
  const date = typeof form.expectedResolution === 'string' ? form.expectedResolution.trim() : ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date))) detail.expectedResolution = date
  for (const flag of ['evaluation', 'next-steps', 'plan', 'workarounds', 'expected-resolution-date']) {
    const ticked = form[`content-${flag}`] === 'on' || form[`content-${flag}`] === 'true'
    if (flag === 'expected-resolution-date' ? detail.expectedResolution !== undefined : ticked) detail[flag] = true
  }
  const missing = required.filter((flag) => detail[flag] !== true)
  return missing.length > 0 ? fail(missing) : ok(detail)
}
