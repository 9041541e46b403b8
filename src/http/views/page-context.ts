import type { FastifyReply, FastifyRequest } from 'fastify'
import { type Translator, translator } from '../../i18n/messages.js'
import { type Flash, takeFlash } from '../flash.js'
import { csrfToken } from '../plugins/csrf.js'

/** What every page needs besides its own data: strings, the signed-in user and a CSRF token for its forms. */
export interface PageContext {
  t: Translator
  user: { name: string } | null
  csrfToken: string
  /** The outcome of the form that led here, shown once by the layout (src/http/flash.ts). */
  flash?: Flash | null
  /** The member's unread notifications in the organization of the page (workspace pages only), shown in the navigation. */
  unread?: number | null
}

export const pageContext = (request: FastifyRequest, reply: FastifyReply): PageContext => ({
  t: translator('en'),
  user: request.user ? { name: request.user.name } : null,
  csrfToken: tokenIfPossible(request, reply),
  flash: takeFlash(request, reply),
  unread: request.unreadNotifications ?? null,
})

/** An error page for a request refused before cookies were read has no forms worth a token. */
function tokenIfPossible(request: FastifyRequest, reply: FastifyReply): string {
  try {
    return csrfToken(request, reply)
  } catch {
    return ''
  }
}
