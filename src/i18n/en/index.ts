import { accounts } from './accounts.js'
import { components } from './components.js'
import { mail } from './mail.js'
import { pages } from './pages.js'
import { policy } from './policy.js'
import { recognition } from './recognition.js'
import { sso } from './sso.js'

/** The English catalogue: every user-facing string, by key. Other languages mirror these keys. */
export const en = { ...components, ...pages, ...mail, ...policy, ...recognition, ...accounts, ...sso } as const
