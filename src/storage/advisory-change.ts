import type { AdvisoryContent } from '../domain/advisory/content.js'
import { publicRecord } from '../domain/advisory/public-record.js'
import { changedFields } from '../domain/advisory/revision-text.js'
import type { AdvisoryChange } from '../domain/advisory/workflow.js'
import type { EventActor } from '../domain/events.js'
import { appendAdvisoryRevision, listAdvisoryReports, type StoredAdvisory, updateAdvisory } from './repositories/advisory-repository.js'
import { consentedCredits } from './repositories/report-credit-repository.js'
import type { Unit } from './unit-of-work.js'

/** Someone changed the advisory between our read and our write (or another scheduler published it first); nothing was written. */
export class ConcurrentAdvisoryChangeError extends Error {
  constructor() {
    super('The advisory changed while this action was being made')
  }
}

export interface AdvisoryOutcome {
  change: AdvisoryChange
  /** The revision's action, as the revision list names it (created, edited, submitted, published…). */
  action: string
  actor: EventActor
  content?: AdvisoryContent
  gcve?: string | null
  withdrawnReason?: string | null
}

/**
 * Saves an advisory decision inside a unit of work: the new state and content (only if the
 * advisory is still as it was read — the conditional UPDATE; otherwise
 * `ConcurrentAdvisoryChangeError` rolls the unit back), a revision with who, when, what changed
 * and the sealed snapshot, the events, and — when the advisory is published, updated while
 * published, or withdrawn — the public record.
 */
export async function saveAdvisoryChange(u: Unit, before: StoredAdvisory, o: AdvisoryOutcome): Promise<StoredAdvisory> {
  const s = o.change.status
  const content = o.content ?? before.content
  const gcve = o.gcve === undefined ? before.gcve : o.gcve
  const withdrawnReason = o.withdrawnReason === undefined ? before.withdrawnReason : o.withdrawnReason
  const after: StoredAdvisory = {
    ...before,
    state: s.state,
    revision: s.revision,
    content,
    gcve,
    submittedBy: s.submittedBy,
    approvedBy: s.approvedBy,
    scheduledFor: s.scheduledFor,
    publishedAt: s.publishedAt,
    withdrawnAt: s.withdrawnAt,
    withdrawnReason,
    updatedAt: u.at,
    version: before.version + 1,
  }
  const isPublic = (s.state === 'published' || s.state === 'withdrawn') && s.publishedAt !== null
  // The reporters are named only as their consent allows, read in this unit: a credit declined a
  // moment before publication is never published.
  const reportCredits = isPublic
    ? await consentedCredits(
        u.tx,
        u.cipher,
        u.orgId,
        (await listAdvisoryReports(u.tx, u.orgId, before.id)).map((r) => r.id),
      )
    : []
  const published = isPublic ? publicRecord({ ...after, publishedAt: s.publishedAt as string, reportCredits }) : undefined
  const written = await updateAdvisory(u.tx, u.cipher, u.orgId, before.id, before.version, {
    ...after,
    ...(published ? { published } : {}),
  })
  if (!written) throw new ConcurrentAdvisoryChangeError()
  const changed = changedFields({ ...before.content }, content)
  if (gcve !== before.gcve) changed.push('gcve')
  await appendAdvisoryRevision(u.tx, u.cipher, u.orgId, {
    advisoryId: before.id,
    action: o.action,
    actor: o.actor,
    state: s.state,
    revision: s.revision,
    changed,
    content: { ...content, ...(gcve ? { gcve } : {}) },
    at: u.at,
  })
  u.record(...o.change.events)
  return after
}
