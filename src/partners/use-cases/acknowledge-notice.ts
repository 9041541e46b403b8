import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { hashSecret } from '../../storage/ids.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import { findNoticeByTokenHash, markNoticeAcknowledged } from '../../storage/repositories/partner-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { isWellFormedToken } from '../notice-links.js'

/**
 * The partner acknowledges the early notice through its link: the notice is acknowledged (once;
 * acknowledging again changes nothing) and `partner.notice_acknowledged` goes on the advisory's
 * timeline. Reminders stop.
 */
export async function acknowledgeNotice(deps: Deps, token: string): Promise<Result<{ already: boolean }, { code: 'NOT_FOUND' }>> {
  if (!isWellFormedToken(token)) return fail({ code: 'NOT_FOUND' })
  const notice = await findNoticeByTokenHash(deps.db, hashSecret(token))
  if (!notice || (notice.state !== 'sent' && notice.state !== 'acknowledged')) return fail({ code: 'NOT_FOUND' })
  if (notice.state === 'acknowledged') return ok({ already: true })
  const org = await findOrganizationById(deps.db, notice.orgId)
  if (!org) return fail({ code: 'NOT_FOUND' })
  return runUnit(deps, org, async (u) => {
    if (!(await markNoticeAcknowledged(u.tx, org.id, notice.id, u.at))) return ok({ already: true })
    u.record(
      newEvent('partner.notice_acknowledged', { kind: 'system' }, u.at, null, {
        advisoryId: notice.advisoryId,
        partnerId: notice.partnerId,
        noticeId: notice.id,
        via: 'link',
      }),
    )
    return ok({ already: false })
  })
}
