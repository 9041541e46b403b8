import type { FastifyReply, FastifyRequest } from 'fastify'
import { type Locale, supportedLocales, type Translator, translator } from '../../i18n/messages.js'
import { type Flash, takeFlash } from '../flash.js'
import { isSecretPath } from '../logging.js'
import { csrfToken } from '../plugins/csrf.js'

/** The languages a page can switch to (footer links), and the address to come back to. */
export interface PageLanguages {
  current: Locale
  offered: Locale[]
  /** The page's own address (path and query), where a language link returns; null on error pages and secret addresses (the start page then). */
  here: string | null
}

/** What every page needs besides its own data: strings, the signed-in user and a CSRF token for its forms. */
export interface PageContext {
  /** The page's strings, in its language (src/http/plugins/language.ts). */
  t: Translator
  user: { name: string } | null
  csrfToken: string
  /** The outcome of the form that led here, shown once by the layout (src/http/flash.ts). */
  flash?: Flash | null
  /** The member's unread notifications in the organization of the page (workspace pages only), shown in the navigation. */
  unread?: number | null
  languages?: PageLanguages
  /** When the request arrived (the application's clock): relative times on the page count from it. */
  now: Date
}

export const pageContext = (request: FastifyRequest, reply: FastifyReply): PageContext => {
  const locale = request.locale ?? 'en'
  return {
    t: translator(locale),
    user: request.user ? { name: request.user.name } : null,
    csrfToken: tokenIfPossible(request, reply),
    flash: takeFlash(request, reply),
    unread: request.unreadNotifications ?? null,
    now: request.now ?? new Date(),
    languages: {
      current: locale,
      offered: request.offeredLocales ?? supportedLocales,
      here: isSecretPath(request.url) ? null : request.url,
    },
  }
}

/** An error page for a request refused before cookies were read has no forms worth a token. */
function tokenIfPossible(request: FastifyRequest, reply: FastifyReply): string {
  try {
    return csrfToken(request, reply)
  } catch {
    return ''
  }
}
