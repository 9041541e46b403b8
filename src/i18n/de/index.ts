import type { en } from '../en/index.js'
import type { Translation } from '../translation.js'
import { audit } from './audit.js'
import { mail } from './mail.js'
import { regulation } from './regulation.js'
import { reportPublication } from './report-publication.js'
import { severity } from './severity.js'

/** The German catalogue: the English keys, in German. A key not yet here is shown in English. */
export const de: Partial<Translation<typeof en>> = {
  ...regulation,
  ...severity,
  ...mail,
  ...reportPublication,
  ...audit,
}
