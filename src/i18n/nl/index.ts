import type { en } from '../en/index.js'
import type { Translation } from '../translation.js'
import { accounts } from './accounts.js'
import { announcements } from './announcements.js'
import { attachments } from './attachments.js'
import { audit } from './audit.js'
import { components } from './components.js'
import { cveServices } from './cve-services.js'
import { disclosure } from './disclosure.js'
import { mail } from './mail.js'
import { mfa } from './mfa.js'
import { notifications } from './notifications.js'
import { pages } from './pages.js'
import { partners } from './partners.js'
import { policy } from './policy.js'
import { problems } from './problems.js'
import { publication } from './publication.js'
import { queue } from './queue.js'
import { recognition } from './recognition.js'
import { regulation } from './regulation.js'
import { replyTemplates } from './reply-templates.js'
import { reportPublication } from './report-publication.js'
import { severity } from './severity.js'
import { sso } from './sso.js'
import { time } from './time.js'

/** The Dutch catalogue: every English key, in Dutch. */
export const nl: Translation<typeof en> = {
  ...accounts,
  ...announcements,
  ...attachments,
  ...audit,
  ...components,
  ...cveServices,
  ...disclosure,
  ...mail,
  ...mfa,
  ...notifications,
  ...pages,
  ...partners,
  ...policy,
  ...problems,
  ...publication,
  ...queue,
  ...recognition,
  ...regulation,
  ...replyTemplates,
  ...reportPublication,
  ...severity,
  ...sso,
  ...time,
}
