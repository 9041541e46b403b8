import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.js'
import { cookieNames, cookieOptions } from '../http/cookies.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { hashSecret } from '../storage/ids.js'
import { findReportAccess } from '../storage/repositories/reporter-repository.js'
import { loadFollowUp, replyAsReporter } from './follow-up.js'
import { FollowUpPage } from './views.js'

/** How long the follow-up cookie lives in the reporter's browser; the link itself keeps working. */
const followUpCookieSeconds = 30 * 24 * 60 * 60

/**
 * The reporter's side, reached without an account through the secret follow-up link. The link's
 * token is swapped for an HttpOnly cookie at once and the browser is sent to a URL without it,
 * so the secret does not linger in history, the address bar or anyone's logs.
 */
export async function portalRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const names = cookieNames(deps.config)

  app.get<{ Params: { token: string } }>(
    '/f/:token',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { token } = request.params
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token) || !(await findReportAccess(deps.db, hashSecret(token)))) {
        throw new HttpProblem('NOT_FOUND', pageContext(request, reply).t('portal.invalidLink'))
      }
      reply.setCookie(names.followUp, token, cookieOptions(deps.config, followUpCookieSeconds))
      return reply.redirect('/follow-up', 303)
    },
  )

  app.get<{ Querystring: { sent?: string } }>('/follow-up', { config: { access: 'reporter' } }, async (request, reply) => {
    const view = await loadFollowUp(deps, request.reportAccess!)
    return reply.page(<FollowUpPage ctx={pageContext(request, reply)} view={view} sent={request.query.sent === '1'} />)
  })

  app.post<{ Body: { body?: unknown } }>(
    '/follow-up/reply',
    { config: { access: 'reporter', rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = typeof request.body?.body === 'string' ? request.body.body : ''
      const result =
        body.length > 50_000
          ? { ok: false as const, error: { code: 'too-long' } }
          : await replyAsReporter(deps, request.reportAccess!, body)
      if (!result.ok) {
        const ctx = pageContext(request, reply)
        const view = await loadFollowUp(deps, request.reportAccess!)
        const error = result.error.code === 'too-long' ? ctx.t('fieldProblem.too-long') : ctx.t('fieldProblem.required' as MessageKey)
        return reply.page(<FollowUpPage ctx={ctx} view={view} error={error} />, 422)
      }
      return reply.redirect('/follow-up?sent=1', 303)
    },
  )

  app.post('/follow-up/forget', { config: { access: 'public' } }, async (_request, reply) => {
    reply.clearCookie(names.followUp, cookieOptions(deps.config))
    return reply.redirect('/', 303)
  })
}
