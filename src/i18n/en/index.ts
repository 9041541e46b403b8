import { components } from './components.js'
import { mail } from './mail.js'
import { mfa } from './mfa.js'
import { pages } from './pages.js'
import { policy } from './policy.js'

/** The English catalogue: every user-facing string, by key. Other languages mirror these keys. */
export const en = { ...components, ...pages, ...mail, ...policy, ...mfa } as const
