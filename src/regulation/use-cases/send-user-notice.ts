import { announceNotice } from '../../announcements/index.js'
import type { Deps } from '../../deps.js'
import { fail, type Result } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import type { CaseError } from '../change-case.js'
import type { Viewer } from '../load-case.js'
import { userNoticeFor } from '../user-notice.js'

export type SendUserNoticeError = CaseError | { code: 'CRA_NOTICE_NO_ADVISORY' | 'NOTICE_NOT_PUBLISHED' } | { code: 'ANNOUNCE_NO_CHANNEL' }

/** The key each channel gets a case's notice to users once under. */
export const userNoticeKey = (caseId: string) => `cra:${caseId}`

/**
 * Sends the case's notice to users (Art. 14(8)), as drafted from the advisory, through the
 * announcement channels (issue 16 item 4), once per channel: announcements' `announceNotice` queues
 * it in the same outbox kinds and loop as an advisory's announcement. The channels are public, so
 * the advisory must be published first; its CSAF document goes with the notice.
 */
export async function sendUserNotice(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
): Promise<Result<{ queued: string[]; already: string[] }, SendUserNoticeError>> {
  const found = await userNoticeFor(deps, org, ref, viewer)
  if (!found.ok) return found
  const { ctx, notice } = found.value
  const craCase = ctx.craCase
  if (!craCase) return fail({ code: 'CRA_NOT_MARKED' })
  if (!notice) return fail({ code: 'CRA_NOTICE_NO_ADVISORY' })
  if (!notice.machineReadable) return fail({ code: 'NOTICE_NOT_PUBLISHED' })
  return announceNotice(
    deps,
    org,
    {
      key: userNoticeKey(craCase.id),
      type: 'cra.user_notice',
      ref: ctx.report.ref,
      subject: notice.subject,
      text: notice.body,
      link: notice.machineReadable,
      data: { kind: craCase.kind, machineReadable: notice.machineReadable },
      reportId: ctx.report.id,
    },
    viewer.userId,
  )
}
