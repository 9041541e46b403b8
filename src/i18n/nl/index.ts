import type { en } from '../en/index.js'
import type { Translation } from '../translation.js'
import { accounts } from './accounts.js'
import { announcements } from './announcements.js'
import { cveServices } from './cve-services.js'
import { mfa } from './mfa.js'
import { publication } from './publication.js'
import { recognition } from './recognition.js'
import { replyTemplates } from './reply-templates.js'
import { sso } from './sso.js'

/** The Dutch catalogue: the English keys, in Dutch. A key not yet here is shown in English. */
export const nl: Partial<Translation<typeof en>> = {
  ...recognition,
  ...mfa,
  ...accounts,
  ...replyTemplates,
  ...announcements,
  ...cveServices,
  ...publication,
  ...sso,
}
