import { cipherFor, type Deps } from '../deps.js'
import type { Reader } from '../domain/access/need-to-know.js'
import { earliestNotice, exclusionOf } from '../domain/partner/notice-rules.js'
import type { Partner } from '../domain/partner/partner.js'
import { mergeStep } from '../domain/partner/public-merge.js'
import { releaseWindows } from '../domain/policy/release-windows.js'
import {
  advisoryScope,
  listAdvisoryPartnerEvents,
  listNotices,
  listPartners,
  type StoredNotice,
} from '../storage/repositories/partner-repository.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { advisoryOf, isPublic } from './advisory-of.js'

export interface PartnerRow {
  partner: Partner
  /** The first moment this partner may be told of the planned release (ISO), when a window limits it. */
  earliest?: string
  excluded?: { label?: string; program?: string }
  notice?: StoredNotice
}

/**
 * Everything the coordination page shows: the planned release and its windows — when partners may
 * be told (`releaseWindows.partnerNotice`) and the public-merge step due in its window
 * (`releaseWindows.publicMerge`) — each partner's state, and the timeline.
 */
export async function loadCoordination(deps: Deps, org: OrganizationRow, ownId: string, viewer: Reader) {
  const found = await advisoryOf(deps, org, ownId, viewer)
  if (!found) return undefined
  const { advisory, policy, zone } = found
  const releaseAt = advisory.releaseAt ? Date.parse(advisory.releaseAt) : undefined
  const [partners, notices, scope, events, members] = await Promise.all([
    listPartners(deps.db, cipherFor(deps, org), org.id),
    listNotices(deps.db, org.id, advisory.id),
    advisoryScope(deps.db, org.id, advisory.id),
    listAdvisoryPartnerEvents(deps.db, org.id, advisory.id),
    listMembers(deps.db, org.id),
  ])
  const windows = policy && releaseAt !== undefined ? releaseWindows(policy, releaseAt) : {}
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())
  const rows: PartnerRow[] = partners.map((partner) => {
    const earliest = policy && releaseAt !== undefined ? iso(earliestNotice(policy, partner, releaseAt)) : undefined
    const excluded = exclusionOf(partner, scope)
    const notice = notices.filter((n) => n.partnerId === partner.id && n.state !== 'cancelled').at(-1)
    return { partner, ...(earliest ? { earliest } : {}), ...(excluded ? { excluded } : {}), ...(notice ? { notice } : {}) }
  })
  return {
    advisory,
    zone,
    public: isPublic(advisory),
    earlyDisclosure: policy?.disclosure?.earlyDisclosure !== undefined,
    partnerNoticeFrom: iso(windows.partnerNoticeFrom),
    publicMergeFrom: iso(windows.publicMergeFrom),
    /** The public merge as a step: waiting for its window, open, done or overdue (undefined: no release planned). */
    merge: mergeStep(policy, releaseAt, advisory.mergedAt ? Date.parse(advisory.mergedAt) : undefined, deps.now().getTime()),
    rows,
    partnerNames: new Map(partners.map((p) => [p.id, p.name])),
    names: new Map(members.map((m) => [m.userId, m.name])),
    events,
  }
}

export type CoordinationView = NonNullable<Awaited<ReturnType<typeof loadCoordination>>>
