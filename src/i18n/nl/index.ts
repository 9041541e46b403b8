import type { en } from '../en/index.js'
import type { Translation } from '../translation.js'
import { audit } from './audit.js'
import { mail } from './mail.js'
import { regulation } from './regulation.js'
import { reportPublication } from './report-publication.js'
import { severity } from './severity.js'

/** The Dutch catalogue: the English keys, in Dutch. A key not yet here is shown in English. */
export const nl: Partial<Translation<typeof en>> = {
  ...regulation,
  ...severity,
  ...mail,
  ...reportPublication,
  ...audit,
}
