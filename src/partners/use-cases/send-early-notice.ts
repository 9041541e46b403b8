import { cipherFor, type Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { newEvent } from '../../domain/events.js'
import { mayNotify, type NoticeRefusal } from '../../domain/partner/notice-rules.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { advisoryScope, insertNotice, listNotices, listPartners } from '../../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { advisoryOf, isPublic } from '../advisory-of.js'
import { deliverNotice } from '../notices.js'

/** A partner that may not be told now: who, and why (with the moment it becomes possible when it is only too early). */
export interface PartnerRefusal {
  partnerId: string
  name: string
  refusal: NoticeRefusal
}

export type SendNoticeError =
  | { code: 'NOT_FOUND' }
  | { code: 'ADVISORY_ALREADY_PUBLIC' }
  | { code: 'NOTICE_NO_PARTNER' }
  | { code: 'EARLY_NOTICE_NOT_IN_POLICY' }
  | { code: 'RELEASE_NOT_PLANNED' }
  | { code: 'RELEASE_PASSED' }
  /** Some chosen partners may not be told now; nothing was sent. */
  | { code: 'NOTICE_REFUSED'; refusals: PartnerRefusal[] }

export interface SendNoticeInput {
  partnerIds: string[]
  /** Schedule the partners that may not be told yet for the first moment they may (instead of refusing). */
  scheduleLater: boolean
}

/**
 * Early notice of an advisory to the chosen partners (issue 12, item 3): each partner is told now if
 * the policy's window (`releaseWindows.partnerNotice`) and the partner's longest embargo allow it, or — when asked — scheduled for the first moment
 * they do (the job loop sends it then). A partner that excludes the advisory's labels or programs,
 * or one too early without scheduling, refuses the whole request: nothing is sent, and the answer
 * says from when each may be told. Partners already told (or scheduled) are not told twice.
 */
export async function sendEarlyNotice(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  input: SendNoticeInput,
  viewer: Reader,
): Promise<Result<{ sent: string[]; scheduled: { name: string; at: string }[] }, SendNoticeError>> {
  const found = await advisoryOf(deps, org, ownId, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  const { advisory, policy, zone } = found
  if (isPublic(advisory)) return fail({ code: 'ADVISORY_ALREADY_PUBLIC' })
  if (!policy?.disclosure?.earlyDisclosure) return fail({ code: 'EARLY_NOTICE_NOT_IN_POLICY' })
  const told = new Set((await listNotices(deps.db, org.id, advisory.id)).filter((n) => n.state !== 'cancelled').map((n) => n.partnerId))
  const chosen = (await listPartners(deps.db, cipherFor(deps, org), org.id)).filter(
    (p) => input.partnerIds.includes(p.id) && !told.has(p.id),
  )
  if (chosen.length === 0) return fail({ code: 'NOTICE_NO_PARTNER' })
  const scope = await advisoryScope(deps.db, org.id, advisory.id)
  const releaseAt = advisory.releaseAt ? Date.parse(advisory.releaseAt) : undefined
  const now = deps.now().getTime()

  const now_: { id: string; partner: (typeof chosen)[number] }[] = []
  const later: { id: string; partner: (typeof chosen)[number]; at: string }[] = []
  const refusals: PartnerRefusal[] = []
  for (const partner of chosen) {
    const may = mayNotify(policy, partner, scope, releaseAt, now)
    if (may.ok) now_.push({ id: newId(), partner })
    else if (may.error.code === 'NOTICE_TOO_EARLY' && input.scheduleLater)
      later.push({ id: newId(), partner, at: new Date(may.error.from).toISOString() })
    else if (may.error.code === 'NOTICE_TOO_EARLY' || may.error.code === 'PARTNER_EXCLUDED')
      refusals.push({ partnerId: partner.id, name: partner.name, refusal: may.error })
    else return fail({ code: may.error.code })
  }
  if (refusals.length > 0) return fail({ code: 'NOTICE_REFUSED', refusals })

  const actor = { kind: 'user', id: viewer.userId } as const
  return runUnit(deps, org, async (u) => {
    // Read again inside the unit: a second click on "Send" tells nobody twice.
    const already = new Set((await listNotices(u.tx, org.id, advisory.id)).filter((n) => n.state !== 'cancelled').map((n) => n.partnerId))
    if ([...now_, ...later].some((n) => already.has(n.partner.id))) return fail({ code: 'NOTICE_NO_PARTNER' as const })
    const told = () => fail({ code: 'NOTICE_NO_PARTNER' as const })
    for (const n of now_) {
      const inserted = await insertNotice(u.tx, {
        id: n.id,
        orgId: org.id,
        advisoryId: advisory.id,
        partnerId: n.partner.id,
        state: 'scheduled',
        notifyAt: u.at,
        createdBy: viewer.userId,
        at: u.at,
      })
      if (!inserted) return told()
      await deliverNotice(deps, u, { org, advisory, partner: n.partner, zone }, n.id, 'scheduled', actor)
    }
    for (const n of later) {
      const inserted = await insertNotice(u.tx, {
        id: n.id,
        orgId: org.id,
        advisoryId: advisory.id,
        partnerId: n.partner.id,
        state: 'scheduled',
        notifyAt: n.at,
        createdBy: viewer.userId,
        at: u.at,
      })
      if (!inserted) return told()
      u.record(
        newEvent('partner.notice_scheduled', actor, u.at, null, {
          advisoryId: advisory.id,
          partnerId: n.partner.id,
          noticeId: n.id,
          for: n.at,
        }),
      )
    }
    return ok({ sent: now_.map((n) => n.partner.name), scheduled: later.map((n) => ({ name: n.partner.name, at: n.at })) })
  })
}
