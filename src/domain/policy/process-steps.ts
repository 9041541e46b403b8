/**
 * The policy's process as a checklist the team works through: a step is done or skipped
 * (optional steps only) by an event, and a step may only be done once every step that lists it
 * in `before` is done or skipped. Publishing waits for every step before the first public one.
 * Pure: the caller passes the policy's steps and the report's events.
 */
import type { ProcessStep } from './schema.js'

export type StepState = 'done' | 'skipped' | 'open'

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
    waitingFor: prerequisites(steps, step.id).filter((p) => states.get(p) === 'open'),
  }))
}

/** Whether the step may be recorded now as done (or skipped). */
export function checkStep(steps: readonly ProcessStep[], events: readonly StepEvent[], id: string, skip: boolean): StepError | undefined {
  const view = checklist(steps, events).find((v) => v.step.id === id)
  if (!view) return { code: 'STEP_UNKNOWN' }
  if (view.state !== 'open') return { code: 'STEP_ALREADY' }
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
  return steps.filter((s) => needed.has(s.id) && states.get(s.id) === 'open').map((s) => s.id)
}
