/**
 * The partner's capability link (copied from the reporter's follow-up link, src/portal/capability.ts):
 * 256 random bits in the path of `/partner-notice/<token>`, only its SHA-256 stored. It opens one
 * early notice: the advisory draft, and the button that acknowledges it. `Referrer-Policy:
 * no-referrer` and the log serializer (src/http/logging.ts) keep it out of other sites' and our logs.
 */
import type { Deps } from '../deps.js'

export const noticeUrl = (deps: Pick<Deps, 'config'>, token: string): string =>
  new URL(`/partner-notice/${token}`, deps.config.publicUrl).href

export const isWellFormedToken = (token: string): boolean => /^[A-Za-z0-9_-]{20,100}$/.test(token)
