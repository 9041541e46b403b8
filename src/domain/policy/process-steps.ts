/**
 * The policy's process as a checklist the team works through: a step is done or skipped
 * (optional steps only) by an event, and a step may only be done once every step that lists it
 * in `before` is done or skipped. Publishing waits for every step before the first public one.
 *
 * Steps follow the workflow too: a step with `doneAt: fixed` is done once the report reaches
 * fixed (or a later status on the main line); a step with `requiredBefore: accepted` must be done
 * or skipped before the report may move to accepted. Once the report is disclosed, closed,
 * rejected or a duplicate, a step nobody recorded is `lapsed` ("not recorded"), never "open".
 * Pure: the caller passes the policy's steps and the report's events.
 */
import type { ReportStatus } from '../report/status.js'
import type { ProcessStep } from './schema.js'

export type StepState = 'done' | 'skipped' | 'open' | 'lapsed'

/** The main line of the workflow: reaching a status counts as having passed the ones before it. */
const mainLine: readonly string[] = ['new', 'acknowledged', 'triaged', 'accepted', 'fixing', 'fixed', 'disclosed', 'closed']
/** Statuses after which a step still open will not be done as part of this report. */
const settled = new Set(['disclosed', 'closed', 'rejected', 'duplicate'])

const statusTo = (e: StepEvent): string | undefined =>
  e.type === 'report.status_changed' && typeof e.data?.to === 'string' ? e.data.to : undefined

/** Every status the report has reached, and where it stands now (the last one reached). */
function statusesReached(events: readonly StepEvent[]): { reached: Set<string>; current: string } {
  const reached = new Set<string>(['new'])
  let current = 'new'
  for (const e of events) {
    const to = statusTo(e)
    if (!to) continue
    current = to
    reached.add(to)
    const i = mainLine.indexOf(to)
    for (const before of mainLine.slice(0, Math.max(0, i))) reached.add(before)
  }
  return { reached, current }
}

export interface StepEvent {
  type: string
  data?: Readonly<Record<string, unknown>> | undefined
}

export interface StepView {
  step: ProcessStep
  state: StepState
  /** Steps that must be done (or skipped) first and are not. */
  waitingFor: string[]
}

export type StepError =
  | { code: 'STEP_UNKNOWN' }
  | { code: 'STEP_ALREADY' }
  | { code: 'STEP_OUT_OF_ORDER'; missing: string[] }
  | { code: 'STEP_NOT_OPTIONAL' }

export function stepStates(steps: readonly ProcessStep[], events: readonly StepEvent[]): Map<string, StepState> {
  const states = new Map<string, StepState>(steps.map((s) => [s.id, 'open']))
  for (const e of events) {
    const id = typeof e.data?.step === 'string' ? e.data.step : undefined
    if (!id || !states.has(id)) continue
    if (e.type === 'process.step_done') states.set(id, 'done')
    if (e.type === 'process.step_skipped') states.set(id, 'skipped')
  }
  const { reached, current } = statusesReached(events)
  for (const s of steps) {
    if (states.get(s.id) !== 'open') continue
    if (s.doneAt !== undefined && reached.has(s.doneAt)) states.set(s.id, 'done')
    else if (settled.has(current)) states.set(s.id, 'lapsed')
  }
  return states
}

/** The steps that list `id` in their `before`: what must be finished before `id` starts. */
const prerequisites = (steps: readonly ProcessStep[], id: string): string[] =>
  steps.filter((s) => (s.before ?? []).includes(id)).map((s) => s.id)

export function checklist(steps: readonly ProcessStep[], events: readonly StepEvent[]): StepView[] {
  const states = stepStates(steps, events)
  return steps.map((step) => ({
    step,
    state: states.get(step.id) ?? 'open',
    waitingFor: prerequisites(steps, step.id).filter((p) => isOpenState(states.get(p))),
  }))
}

/** Whether the step may be recorded now as done (or skipped). */
export function checkStep(steps: readonly ProcessStep[], events: readonly StepEvent[], id: string, skip: boolean): StepError | undefined {
  const view = checklist(steps, events).find((v) => v.step.id === id)
  if (!view) return { code: 'STEP_UNKNOWN' }
  if (!isOpenState(view.state)) return { code: 'STEP_ALREADY' }
  if (skip && !view.step.optional) return { code: 'STEP_NOT_OPTIONAL' }
  if (view.waitingFor.length > 0) return { code: 'STEP_OUT_OF_ORDER', missing: view.waitingFor }
  return undefined
}

/** Steps (transitively) required before the first step the public sees, still open: publishing waits for them. */
export function openBeforePublishing(steps: readonly ProcessStep[], events: readonly StepEvent[]): string[] {
  const publicStep = steps.find((s) => (s.visibleTo ?? []).includes('public'))
  if (!publicStep) return []
  const states = stepStates(steps, events)
  const needed = new Set<string>()
  const visit = (id: string) => {
    for (const p of prerequisites(steps, id)) {
      if (needed.has(p)) continue
      needed.add(p)
      visit(p)
    }
  }
  visit(publicStep.id)
  return steps.filter((s) => needed.has(s.id) && isOpenState(states.get(s.id))).map((s) => s.id)
}

/** Not recorded yet: open, or lapsed (still recordable after the fact). */
const isOpenState = (state: StepState | undefined): boolean => state === 'open' || state === 'lapsed'

/** The steps the policy requires before the report may move to `to`, still not done or skipped. */
export function stepsRequiredBefore(steps: readonly ProcessStep[], events: readonly StepEvent[], to: ReportStatus): string[] {
  const states = stepStates(steps, events)
  return steps.filter((s) => s.requiredBefore === to && isOpenState(states.get(s.id))).map((s) => s.id)
}

/** The steps the reporter may see (`visibleTo: [reporter]`), with where each stands. */
export const reporterSteps = (steps: readonly ProcessStep[], events: readonly StepEvent[]): StepView[] =>
  checklist(steps, events).filter((v) => (v.step.visibleTo ?? []).includes('reporter'))
