import { components } from './components.js'
import { pages } from './pages.js'

/** The English catalogue: every user-facing string, by key. Other languages mirror these keys. */
export const en = { ...components, ...pages } as const
