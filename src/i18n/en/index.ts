import { components } from './components.js'
import { mail } from './mail.js'
import { pages } from './pages.js'
import { policy } from './policy.js'
import { publication } from './publication.js'

/** The English catalogue: every user-facing string, by key. Other languages mirror these keys. */
export const en = { ...components, ...pages, ...mail, ...policy, ...publication } as const
