import type { en } from '../en/index.js'
import type { Translation } from '../translation.js'
import { disclosure } from './disclosure.js'
import { notifications } from './notifications.js'
import { partners } from './partners.js'
import { policy } from './policy.js'

/** The German catalogue: the English keys, in German. A key not yet here is shown in English. */
export const de: Partial<Translation<typeof en>> = {
  ...notifications,
  ...partners,
  ...disclosure,
  ...policy,
}
