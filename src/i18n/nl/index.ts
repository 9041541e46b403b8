import type { en } from '../en/index.js'
import type { Translation } from '../translation.js'
import { attachments } from './attachments.js'
import { audit } from './audit.js'
import { components } from './components.js'
import { disclosure } from './disclosure.js'
import { mail } from './mail.js'
import { notifications } from './notifications.js'
import { pages } from './pages.js'
import { partners } from './partners.js'
import { policy } from './policy.js'
import { problems } from './problems.js'
import { queue } from './queue.js'
import { regulation } from './regulation.js'
import { reportPublication } from './report-publication.js'
import { severity } from './severity.js'
import { time } from './time.js'

/** The Dutch catalogue: the English keys, in Dutch. A key not yet here is shown in English. */
export const nl: Partial<Translation<typeof en>> = {
  ...attachments,
  ...audit,
  ...components,
  ...disclosure,
  ...mail,
  ...notifications,
  ...pages,
  ...partners,
  ...policy,
  ...queue,
  ...regulation,
  ...reportPublication,
  ...severity,
  ...problems,
  ...time,
}
