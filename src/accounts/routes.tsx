import type { FastifyInstance } from 'fastify'
import { sessionAbsoluteMs, startSession } from '../auth/index.js'
import type { Deps } from '../deps.js'
import { cookieNames, cookieOptions } from '../http/cookies.js'
import { EmptyForm } from '../http/form-body.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { listSessionsOfUser } from '../storage/repositories/session-repository.js'
import { userTimeZone } from '../storage/time-zone.js'
import { readInvitationLink } from './invitation-link.js'
import { AcceptInvitationForm, ChangePasswordForm, NewPasswordForm, ResetRequestForm, SessionParams, TokenParams } from './schemas.js'
import { acceptInvitation } from './use-cases/accept-invitation.js'
import { changePassword } from './use-cases/change-password.js'
import { endSession } from './use-cases/end-session.js'
import { requestPasswordReset } from './use-cases/request-password-reset.js'
import { resetLinkWorks, resetPassword } from './use-cases/reset-password.js'
import { AccountPage, InvitationPage, ResetPage, ResetRequestPage, SessionsPage } from './views.js'

const secondsUntil = (deps: Deps, at: Date) => Math.max(1, Math.ceil((at.getTime() - deps.now().getTime()) / 1000))

/** One's own account (password, sessions), the password-reset links and the invitation links. */
export async function accountRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const names = cookieNames(deps.config)
  const self = { access: 'account.self' } as const

  app.get('/account', { config: self }, async (request, reply) => reply.page(<AccountPage ctx={pageContext(request, reply)} />))

  app.post<{ Body: ChangePasswordForm }>(
    '/account/password',
    { config: self, schema: { body: ChangePasswordForm } },
    async (request, reply) => {
      const { current = '', password = '', confirm = '' } = request.body
      const me = request.user!
      const result = await changePassword(deps, me, { current, password, confirm }, request.ip)
      if (result.ok) return reply.flashTo('/account', { tone: 'success', text: pageContext(request, reply).t('account.changed') })
      if (result.error.code === 'THROTTLED') {
        const waitSeconds = secondsUntil(deps, result.error.retryAt)
        reply.header('retry-after', String(waitSeconds))
        return reply.page(<AccountPage ctx={pageContext(request, reply)} waitSeconds={waitSeconds} />, 429)
      }
      return reply.page(<AccountPage ctx={pageContext(request, reply)} errors={result.error.fields} />, 422)
    },
  )

  app.get('/account/sessions', { config: self }, async (request, reply) => {
    const me = request.user!
    const [sessions, timeZone] = await Promise.all([
      listSessionsOfUser(deps.db, me.id, deps.now().toISOString()),
      userTimeZone(deps.db, me.id),
    ])
    return reply.page(<SessionsPage ctx={pageContext(request, reply)} sessions={sessions} currentId={me.sessionId} timeZone={timeZone} />)
  })

  app.post<{ Params: SessionParams }>(
    '/account/sessions/:session/end',
    { config: self, schema: { params: SessionParams, body: EmptyForm } },
    async (request, reply) => {
      const result = await endSession(deps, request.user!, request.params.session)
      if (!result.ok) throw new HttpProblem(result.error.code)
      if (result.value.current) {
        reply.clearCookie(names.session, cookieOptions(deps.config))
        return reply.redirect('/', 303)
      }
      return reply.flashTo('/account/sessions', { tone: 'success', text: pageContext(request, reply).t('sessions.ended') })
    },
  )

  app.get('/account/reset', { config: { access: 'public' } }, async (request, reply) =>
    reply.page(<ResetRequestPage ctx={pageContext(request, reply)} />),
  )

  app.post<{ Body: ResetRequestForm }>(
    '/account/reset',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { body: ResetRequestForm } },
    async (request, reply) => {
      const result = await requestPasswordReset(deps, request.body.email ?? '', request.ip)
      if (result.ok) return reply.flashTo('/account/reset', { tone: 'success', text: pageContext(request, reply).t('reset.sent') })
      const waitSeconds = secondsUntil(deps, result.error.retryAt)
      reply.header('retry-after', String(waitSeconds))
      return reply.page(<ResetRequestPage ctx={pageContext(request, reply)} waitSeconds={waitSeconds} />, 429)
    },
  )

  app.get<{ Params: TokenParams }>(
    '/account/reset/:token',
    { config: { access: 'public' }, schema: { params: TokenParams } },
    async (request, reply) => {
      const valid = await resetLinkWorks(deps, request.params.token)
      return reply.page(<ResetPage ctx={pageContext(request, reply)} token={request.params.token} valid={valid} />, valid ? 200 : 410)
    },
  )

  app.post<{ Params: TokenParams; Body: NewPasswordForm }>(
    '/account/reset/:token',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { params: TokenParams, body: NewPasswordForm },
    },
    async (request, reply) => {
      const { password = '', confirm = '' } = request.body
      const result = await resetPassword(deps, request.params.token, { password, confirm })
      if (result.ok) {
        // Every session ended, this browser's too.
        reply.clearCookie(names.session, cookieOptions(deps.config))
        return reply.flashTo('/account/reset', { tone: 'success', text: pageContext(request, reply).t('reset.done') })
      }
      const ctx = pageContext(request, reply)
      if (result.error.code === 'INVALID') return reply.page(<ResetPage ctx={ctx} token={request.params.token} valid={false} />, 410)
      return reply.page(<ResetPage ctx={ctx} token={request.params.token} valid errors={result.error.fields} />, 422)
    },
  )

  app.get<{ Params: TokenParams }>(
    '/invite/:token',
    { config: { access: 'public' }, schema: { params: TokenParams } },
    async (request, reply) => {
      const link = await readInvitationLink(deps, request.params.token, request.user?.id ?? null)
      return reply.page(
        <InvitationPage ctx={pageContext(request, reply)} token={request.params.token} link={link} />,
        link.kind === 'invalid' ? 410 : 200,
      )
    },
  )

  app.post<{ Params: TokenParams; Body: AcceptInvitationForm }>(
    '/invite/:token',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { params: TokenParams, body: AcceptInvitationForm },
    },
    async (request, reply) => {
      const { token } = request.params
      const { name = '', password = '', confirm = '' } = request.body
      const result = await acceptInvitation(deps, token, request.user?.id ?? null, { name, password, confirm })
      if (result.ok) {
        if (result.value.newAccount) {
          if (request.user) await endSessionQuietly(deps, request.user)
          const session = await startSession(deps, result.value.userId, { userAgent: request.headers['user-agent'], address: request.ip })
          reply.setCookie(names.session, session, cookieOptions(deps.config, sessionAbsoluteMs / 1000))
        }
        return reply.redirect(`/w/${result.value.orgSlug}/reports`, 303)
      }
      const link = await readInvitationLink(deps, token, request.user?.id ?? null)
      const ctx = pageContext(request, reply)
      if (result.error.code === 'FIELDS')
        return reply.page(<InvitationPage ctx={ctx} token={token} link={link} errors={result.error.fields} values={{ name }} />, 422)
      return reply.page(<InvitationPage ctx={ctx} token={token} link={link} />, link.kind === 'invalid' ? 410 : 409)
    },
  )
}

/** Someone else's session in this browser ends before the new account's starts (one session per browser). */
async function endSessionQuietly(deps: Deps, user: { id: string; sessionId: string }): Promise<void> {
  await endSession(deps, user, user.sessionId)
}
