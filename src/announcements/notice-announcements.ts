import type { Deps } from '../deps.js'
import { type AnnouncementStatus, listNoticeAnnouncements } from '../storage/repositories/announcement-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

/** Each channel a notice (`key`, as given to `announceNotice`) was sent on, with its delivery's state: sent, failed, retrying or queued. */
export const noticeAnnouncements = (deps: Deps, org: OrganizationRow, key: string): Promise<AnnouncementStatus[]> =>
  listNoticeAnnouncements(deps.db, org.id, key)
