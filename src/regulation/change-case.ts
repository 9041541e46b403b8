/**
 * The one write path of a CRA case after it is marked: the use case decides on the case as read
 * inside the unit of work, and the change is applied only if nobody changed the case meanwhile
 * (`version`); its events go with it, and the sweep's next wake time is recomputed from the result.
 */
import type { Deps } from '../deps.js'
import type { DomainEvent } from '../domain/events.js'
import type { CraClock } from '../domain/regulation/cra-clocks.js'
import { craClocks } from '../domain/regulation/cra-clocks.js'
import { fail, ok, type Result } from '../domain/result.js'
import type { CraErrorCode } from '../http/problems.js'
import { type CraCaseChange, findCraCaseOfReport, type StoredCraCase, updateCraCase } from '../storage/repositories/cra-case-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { runUnit } from '../storage/unit-of-work.js'
import { type CraContext, factsOf, loadCraContext, type Viewer } from './load-case.js'
import { craWakeAt } from './wake.js'

export type CaseError = { code: 'NOT_FOUND' | 'NEED_TO_KNOW' | 'CONCURRENT_CHANGE' | CraErrorCode }

export interface CaseDecision {
  change: Omit<CraCaseChange, 'wakeAt'>
  events: (caseId: string, reportId: string) => DomainEvent[]
}

type Decide = (c: StoredCraCase, clocks: CraClock[], ctx: CraContext, at: string) => Result<CaseDecision, CaseError>

export async function changeCase(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  decide: Decide,
): Promise<Result<void, CaseError>> {
  const now = deps.now().toISOString()
  const ctx = await loadCraContext(deps, org, ref, viewer, now)
  if (!ctx) return fail({ code: 'NOT_FOUND' })
  if (!ctx.readable) return fail({ code: 'NEED_TO_KNOW' })
  if (!ctx.craCase) return fail({ code: 'CRA_NOT_MARKED' })
  return runUnit(deps, org, async (u) => {
    const current = await findCraCaseOfReport(u.tx, u.cipher, org.id, ctx.report.id)
    if (!current) return fail({ code: 'CRA_NOT_MARKED' as const })
    const decided = decide(current, craClocks(factsOf(current), ctx.timeZone, u.at), ctx, u.at)
    if (!decided.ok) return decided
    const { change } = decided.value
    const after = {
      ...factsOf(current),
      ...(change.measureAt ? { measureAt: change.measureAt } : {}),
      filed: change.filings ?? current.filings,
    }
    const wakeAt = craWakeAt(after, change.alertsSent ?? current.alertsSent, ctx.timeZone, u.at)
    if (!(await updateCraCase(u.tx, u.cipher, org.id, current.id, current.version, { ...change, wakeAt }, u.at)))
      return fail({ code: 'CONCURRENT_CHANGE' as const })
    u.record(...decided.value.events(current.id, ctx.report.id))
    return ok(undefined)
  })
}

/** One line of text without control or format characters, at most `max` code points. */
export const isOneLine = (text: string, max: number) => [...text].length <= max && !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(text)

/** A paragraph: line breaks and tabs allowed, no other control or format characters. */
export const isParagraph = (text: string, max: number) => [...text].length <= max && !/[^\P{Cc}\n\t]|\p{Cf}|[\u2028\u2029]/u.test(text)
