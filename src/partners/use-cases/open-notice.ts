import { cipherFor, type Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { hashSecret } from '../../storage/ids.js'
import { findAdvisoryById, type StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import { findNoticeByTokenHash, findPartner, markNoticeViewed, type StoredNotice } from '../../storage/repositories/partner-repository.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { isWellFormedToken } from '../notice-links.js'

export interface OpenedNotice {
  orgName: string
  partnerName: string
  advisory: StoredAdvisory
  notice: StoredNotice
  zone: string | undefined
}

/**
 * A partner opens its capability link: the notice, the advisory draft as it is now, and the
 * organization's zone. Every opening is recorded on the advisory's timeline (`partner.notice_viewed`);
 * an unknown or malformed token is NOT_FOUND, the same answer either way.
 */
export async function openNotice(deps: Deps, token: string): Promise<Result<OpenedNotice, { code: 'NOT_FOUND' }>> {
  if (!isWellFormedToken(token)) return fail({ code: 'NOT_FOUND' })
  const notice = await findNoticeByTokenHash(deps.db, hashSecret(token))
  if (!notice || (notice.state !== 'sent' && notice.state !== 'acknowledged')) return fail({ code: 'NOT_FOUND' })
  const org = await findOrganizationById(deps.db, notice.orgId)
  if (!org) return fail({ code: 'NOT_FOUND' })
  const cipher = cipherFor(deps, org)
  const [advisory, partner, policy] = await Promise.all([
    findAdvisoryById(deps.db, cipher, org.id, notice.advisoryId),
    findPartner(deps.db, cipher, org.id, notice.partnerId, true),
    currentPolicy(deps.db, org.id),
  ])
  if (!advisory || !partner) return fail({ code: 'NOT_FOUND' })
  await runUnit(deps, org, async (u) => {
    await markNoticeViewed(u.tx, org.id, notice.id, u.at)
    u.record(
      newEvent('partner.notice_viewed', { kind: 'system' }, u.at, null, {
        advisoryId: advisory.id,
        partnerId: partner.id,
        noticeId: notice.id,
      }),
    )
  })
  return ok({ orgName: org.name, partnerName: partner.name, advisory, notice, zone: policy?.policy.calendar.timeZone })
}
