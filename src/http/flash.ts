import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Deps } from '../deps.js'
import type { OrgCipher } from '../storage/cipher.js'
import { cookieNames, cookieOptions } from './cookies.js'

/**
 * The one way a form's outcome reaches the next page (post/redirect/get): the action sets a flash,
 * answers 303 to the page the user was on, and that page shows the message once (the `Flash`
 * component, rendered by the layout). A refusal travels the same way, with the user's typed input
 * (`draft`) when it fits, so the address bar always shows the page and a reload repeats nothing.
 *
 * The flash lives in one cookie, sealed (AES-256-GCM under a key derived for this purpose only),
 * HttpOnly, for two minutes, and is bound to the path it was set for: another tab's page never
 * shows it. It is read and cleared by the first page rendered at that path.
 */
export type FlashTone = 'success' | 'info' | 'warning' | 'danger'

export interface Flash {
  tone: FlashTone
  text: string
  /** Typed input to put back in the form after a refusal (small drafts only: a cookie holds about 4 KB). */
  draft?: Record<string, string>
  /** A value the page shows this once and never again (a new API token's secret): sealed in the cookie, never in an address. */
  secret?: string
}

/** Seconds a flash waits for its page. */
export const flashSeconds = 120
/** Characters of typed input a flash carries back; a longer draft is kept by re-rendering the page instead. */
export const flashDraftLimit = 2_000

interface StoredFlash extends Flash {
  path: string
}

declare module 'fastify' {
  interface FastifyReply {
    /** Sets the message the page at `path` shows once, and answers 303 to it. */
    flashTo(path: string, flash: Flash): FastifyReply
    /** Clears the flash cookie (the page showing it is being rendered). */
    dropFlash(): void
  }
  interface FastifyRequest {
    /** The flash meant for this page, if any (read by `takeFlash`). */
    pendingFlash: Flash | null
  }
}

const context = 'flash'
const pathOf = (url: string) => url.split('?')[0] ?? url

function openFlash(cipher: OrgCipher, value: string | undefined, url: string): Flash | null {
  if (!value) return null
  try {
    const stored = JSON.parse(cipher.decrypt(value, context)) as StoredFlash
    if (stored.path !== pathOf(url) || typeof stored.text !== 'string') return null
    return {
      tone: stored.tone,
      text: stored.text,
      ...(stored.draft ? { draft: stored.draft } : {}),
      ...(typeof stored.secret === 'string' ? { secret: stored.secret } : {}),
    }
  } catch {
    return null
  }
}

/** Whether a draft is small enough to ride in the flash cookie. */
export const draftFits = (draft: Record<string, string>) => Object.values(draft).reduce((n, v) => n + v.length, 0) <= flashDraftLimit

export const flash = fp<{ deps: Deps }>(async (app: FastifyInstance, { deps }) => {
  const cipher = deps.keyring.forInstance('flash')
  const name = cookieNames(deps.config).flash

  app.decorateRequest('pendingFlash', null)
  app.decorateReply('flashTo', function (this: FastifyReply, path: string, message: Flash) {
    const stored: StoredFlash = { ...message, path: pathOf(path) }
    this.setCookie(name, cipher.encrypt(JSON.stringify(stored), context), cookieOptions(deps.config, flashSeconds))
    return this.redirect(path, 303)
  })
  app.decorateReply('dropFlash', function (this: FastifyReply) {
    this.clearCookie(name, cookieOptions(deps.config))
  })
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET') request.pendingFlash = openFlash(cipher, request.cookies[name], request.url)
  })
})

/**
 * The flash for the page being rendered (called by `pageContext`): the page shows it, and the
 * cookie is cleared in the same answer, so a reload shows the page without it.
 */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const found = request.pendingFlash ?? null
  if (found && typeof reply.dropFlash === 'function') reply.dropFlash()
  return found
}
