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
import { publication } from './publication.js'
import { queue } from './queue.js'
import { recognition } from './recognition.js'
import { regulation } from './regulation.js'
import { replyTemplates } from './reply-templates.js'
import { reportPublication } from './report-publication.js'
import { severity } from './severity.js'
import { sso } from './sso.js'

/** The Dutch catalogue: the English keys, in Dutch. A key not yet here is shown in English. */
export const nl: Partial<Translation<typeof en>> = {
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
  ...publication,
  ...queue,
  ...recognition,
  ...regulation,
  ...replyTemplates,
  ...reportPublication,
  ...severity,
  ...sso,
}
