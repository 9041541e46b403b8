import { cipherFor, type Deps } from '../deps.js'
import type { Result } from '../domain/result.js'
import { fail, ok } from '../domain/result.js'
import { type AdvisoryOutcome, ConcurrentAdvisoryChangeError, saveAdvisoryChange } from '../storage/advisory-change.js'
import { ConcurrentChangeError } from '../storage/report-transition.js'
import { findAdvisory, type StoredAdvisory } from '../storage/repositories/advisory-repository.js'
import type { OrganizationRow, Role } from '../storage/schema.js'
import { runUnit, type Unit } from '../storage/unit-of-work.js'
import { mayReadAdvisory } from './advisory-access.js'
import { type AdvisoryRules, advisoryRules } from './advisory-rules.js'

export interface Viewer {
  userId: string
  role: Role
}

export interface AdvisoryDecision<E> {
  outcome: AdvisoryOutcome
  /** Nothing changed: nothing is written (no revision for a save without changes). */
  unchanged?: boolean
  /** Values allocated inside the unit, before the advisory is written (a GCVE number: rolled back with a failed unit). */
  allocate?: (u: Unit) => Promise<Partial<AdvisoryOutcome>>
  /** More writes in the same unit (linking a report, disclosing the linked reports); a failure rolls everything back. */
  alsoWrite?: (u: Unit, after: StoredAdvisory) => Promise<Result<unknown, E>>
}

export type Decide<E> = (
  a: StoredAdvisory,
  rules: AdvisoryRules,
) => Result<AdvisoryDecision<E>, E> | Promise<Result<AdvisoryDecision<E>, E>>

/**
 * Reads the advisory, checks the viewer may know it (need to know over its linked reports), lets
 * the rules decide, and writes the outcome in one unit of work. If someone changed the advisory
 * (or one of its reports) in between, it reads and decides once more. `viewer` null is Embargo
 * itself (the publication scheduler).
 */
export async function changeAdvisory<E>(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  viewer: Viewer | null,
  decide: Decide<E>,
): Promise<Result<StoredAdvisory, E | { code: 'NOT_FOUND' }>> {
  const cipher = cipherFor(deps, org)
  for (let attempt = 0; ; attempt++) {
    const before = await findAdvisory(deps.db, cipher, org.id, ownId)
    if (!before) return fail({ code: 'NOT_FOUND' as const })
    if (viewer && !(await mayReadAdvisory(deps.db, org.id, before.id, viewer))) return fail({ code: 'NOT_FOUND' as const })
    const decision = await decide(before, await advisoryRules(deps.db, org.id))
    if (!decision.ok) return decision
    if (decision.value.unchanged) return ok(before)
    try {
      return await runUnit(deps, org, async (u) => {
        const allocated = (await decision.value.allocate?.(u)) ?? {}
        const after = await saveAdvisoryChange(u, before, { ...decision.value.outcome, ...allocated })
        const more = await decision.value.alsoWrite?.(u, after)
        if (more && !more.ok) return more
        return ok(after)
      })
    } catch (error) {
      const concurrent = error instanceof ConcurrentAdvisoryChangeError || error instanceof ConcurrentChangeError
      if (!concurrent || attempt >= 2) throw error
    }
  }
}
