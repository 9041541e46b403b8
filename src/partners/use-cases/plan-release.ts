import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { newEvent } from '../../domain/events.js'
import { rescheduledNotice } from '../../domain/partner/notice-rules.js'
import { plannedReleaseAt } from '../../domain/policy/release-windows.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { setAdvisoryRelease } from '../../storage/repositories/advisory-repository.js'
import { findPartner, listNotices, rescheduleNotice } from '../../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { advisoryOf, isPublic } from '../advisory-of.js'
import { partnerMails, releaseMovedText } from '../notices.js'

export type PlanReleaseError =
  | { code: 'NOT_FOUND' }
  | { code: 'RELEASE_INVALID' }
  | { code: 'RELEASE_NOT_FUTURE' }
  | { code: 'ADVISORY_ALREADY_PUBLIC' }

/**
 * Plans (or moves) the advisory's release: `text` is a date and time on the organization's wall
 * clock ("2026-12-15T10:00"). Moving it re-plans what depends on it, in the same unit: scheduled
 * notices move to the first moment the windows allow for the new date, and every partner already
 * told gets a mail with the new date.
 */
export async function planRelease(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  text: string,
  viewer: Reader,
): Promise<Result<{ releaseAt: string; moved: boolean }, PlanReleaseError>> {
  const found = await advisoryOf(deps, org, ownId, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  const { advisory, zone } = found
  if (isPublic(advisory)) return fail({ code: 'ADVISORY_ALREADY_PUBLIC' })
  const at = plannedReleaseAt(text.trim(), zone ?? 'UTC')
  if (at === undefined || Number.isNaN(at)) return fail({ code: 'RELEASE_INVALID' })
  const now = deps.now().getTime()
  if (at <= now) return fail({ code: 'RELEASE_NOT_FUTURE' })
  const releaseAt = new Date(at).toISOString()
  const from = advisory.releaseAt ?? null
  if (from === releaseAt) return ok({ releaseAt, moved: false })
  const cipher = deps.keyring.forOrg(org.id, org.data_key_wrapped)
  const actor = { kind: 'user', id: viewer.userId } as const
  return runUnit(deps, org, async (u) => {
    await setAdvisoryRelease(u.tx, org.id, advisory.id, releaseAt)
    u.record(newEvent('advisory.release_planned', actor, u.at, null, { advisoryId: advisory.id, at: releaseAt, from }))
    if (from !== null) {
      const moved = { ...advisory, releaseAt }
      for (const n of await listNotices(u.tx, org.id, advisory.id)) {
        if (n.state === 'cancelled') continue
        const partner = await findPartner(u.tx, cipher, org.id, n.partnerId, true)
        if (!partner) continue
        const c = { org, advisory: moved, partner, zone }
        if (n.state === 'scheduled') {
          const when = found.policy ? new Date(rescheduledNotice(found.policy, partner, at, now)).toISOString() : n.notifyAt
          if (when !== n.notifyAt && (await rescheduleNotice(u.tx, org.id, n.id, when)))
            u.record(
              newEvent('partner.notice_rescheduled', actor, u.at, null, {
                advisoryId: advisory.id,
                partnerId: partner.id,
                noticeId: n.id,
                for: when,
              }),
            )
        } else {
          u.send(...partnerMails(c, 'partner.release-moved', releaseMovedText(c), undefined))
          u.record(
            newEvent('partner.release_moved_sent', actor, u.at, null, {
              advisoryId: advisory.id,
              partnerId: partner.id,
              noticeId: n.id,
              at: releaseAt,
            }),
          )
        }
      }
    }
    return ok({ releaseAt, moved: from !== null })
  })
}
