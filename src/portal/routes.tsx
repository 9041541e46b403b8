import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { cookieNames, cookieOptions } from '../http/cookies.js'
import { EmptyForm } from '../http/form-body.js'
import { multipartForms } from '../http/multipart-form.js'
import { HttpProblem } from '../http/problems.js'
import { sizeText } from '../http/uploaded-files.js'
import { pageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { loadReporterCredit } from '../recognition/index.js'
import { loadReporterPublicVersion } from '../report-publication/index.js'
import { cookieSeconds, isWellFormedToken, linkState, reportRefOf } from './capability.js'
import { loadFollowUp, type ReporterAccess } from './follow-up.js'
import { FollowUpQuery, ReplyForm, TokenParams } from './schemas.js'
import { forgetLink } from './use-cases/forget-link.js'
import { replyAsReporter } from './use-cases/reply-as-reporter.js'
import { sendNewLink } from './use-cases/send-new-link.js'
import { switchReport } from './use-cases/switch-report.js'
import { FollowUpPage, ForgottenPage, LinkGonePage, LinkSentPage, SwitchReportPage } from './views.js'

/** The pending link waits this long for the reporter to confirm the switch. */
const pendingSeconds = 10 * 60

/**
 * The reporter's side, reached without an account through the secret follow-up link. The link's
 * token is swapped for an HttpOnly cookie at once and the browser is sent to a URL without it,
 * so the secret does not linger in history, the address bar or anyone's logs.
 *
 * A link of another report opened while one is open does not replace it silently (a lured
 * reporter would reply into someone else's report): its token waits in a second HttpOnly cookie —
 * never in a form field or URL, where logs and Referer could pick it up — and a page names both
 * references and asks first. Lifetimes and "forget" are in ./capability.ts.
 */
export async function portalRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  // The reply form takes files (streamed within the instance's limits), as a mail reply does.
  await multipartForms(app, deps.config)
  const names = cookieNames(deps.config)
  const ctxOf = (request: FastifyRequest, reply: FastifyReply) => pageContext(request, reply)

  /** Makes `token` (already checked valid, issued at `issuedAt`) the browser's open report. */
  const open = (reply: FastifyReply, token: string, issuedAt: string) => {
    reply.setCookie(names.followUp, token, cookieOptions(deps.config, cookieSeconds(deps, issuedAt)))
    reply.clearCookie(names.followUpPending, cookieOptions(deps.config))
    return reply.redirect('/follow-up', 303)
  }

  app.get<{ Params: TokenParams }>(
    '/f/:token',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params
      const link = await linkState(deps, token)
      if (link.state === 'unknown') throw new HttpProblem('NOT_FOUND', ctxOf(request, reply).t('portal.invalidLink'))
      if (link.state !== 'valid') {
        return reply.page(<LinkGonePage ctx={ctxOf(request, reply)} state={link.state} reachable={link.reachable} />, 410)
      }
      const current = request.reportAccess
      if (current && current.reportId !== link.reportId) {
        reply.setCookie(names.followUpPending, token, cookieOptions(deps.config, pendingSeconds))
        return reply.redirect('/follow-up/switch', 303)
      }
      return open(reply, token, link.issuedAt)
    },
  )

  // "Send me a new link", from the page a revoked or expired link answers. The token is already in
  // this path (cut out of logs like the GET's); the answer never says whether anything was sent.
  app.post<{ Params: TokenParams }>(
    '/f/:token',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 hour' } },
      schema: { params: TokenParams, body: EmptyForm },
    },
    async (request, reply) => {
      if (!isWellFormedToken(request.params.token)) throw new HttpProblem('NOT_FOUND', ctxOf(request, reply).t('portal.invalidLink'))
      // Whether a mail was queued or why not is never told: the answer is the same page.
      await sendNewLink(deps, request.params.token)
      return reply.redirect('/follow-up/link-sent', 303)
    },
  )

  app.get('/follow-up/link-sent', { config: { access: 'public' } }, async (request, reply) =>
    reply.page(<LinkSentPage ctx={ctxOf(request, reply)} />),
  )

  /** The pending link, if it is still valid: its token, report and issue time. */
  const pending = async (request: FastifyRequest) => {
    const found = await switchReport(deps, request.cookies[names.followUpPending])
    return found.ok ? found.value : undefined
  }

  app.get('/follow-up/switch', { config: { access: 'public' } }, async (request, reply) => {
    const next = await pending(request)
    const current = request.reportAccess
    if (!next) {
      reply.clearCookie(names.followUpPending, cookieOptions(deps.config))
      return reply.redirect('/follow-up', 303)
    }
    // Nothing (valid) open any more, or the same report: nothing to ask.
    if (!current || current.reportId === next.reportId) return open(reply, next.token, next.issuedAt)
    const [currentRef, nextRef] = await Promise.all([
      reportRefOf(deps, current.orgId, current.reportId),
      reportRefOf(deps, next.orgId, next.reportId),
    ])
    return reply.page(<SwitchReportPage ctx={ctxOf(request, reply)} current={currentRef ?? ''} next={nextRef ?? ''} />)
  })

  app.post(
    '/follow-up/switch',
    { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { body: EmptyForm } },
    async (request, reply) => {
      const next = await pending(request)
      if (!next) {
        reply.clearCookie(names.followUpPending, cookieOptions(deps.config))
        return reply.redirect('/follow-up', 303)
      }
      return open(reply, next.token, next.issuedAt)
    },
  )

  app.post('/follow-up/switch/cancel', { config: { access: 'public' }, schema: { body: EmptyForm } }, async (_request, reply) => {
    reply.clearCookie(names.followUpPending, cookieOptions(deps.config))
    return reply.redirect('/follow-up', 303)
  })

  const followUpOr404 = async (access: ReporterAccess) => {
    const view = await loadFollowUp(deps, access)
    if (!view) throw new HttpProblem('NOT_FOUND')
    return view
  }

  app.get<{ Querystring: FollowUpQuery }>(
    '/follow-up',
    { config: { access: 'reporter' }, schema: { querystring: FollowUpQuery } },
    async (request, reply) => {
      const view = await followUpOr404(request.reportAccess!)
      const credit = await loadReporterCredit(deps, request.reportAccess!)
      const publicVersion = await loadReporterPublicVersion(deps, request.reportAccess!)
      return reply.page(
        <FollowUpPage
          ctx={ctxOf(request, reply)}
          view={view}
          credit={credit}
          publicVersion={publicVersion}
          attachmentLimits={deps.config.attachmentLimits}
        />,
      )
    },
  )

  app.post<{ Body: ReplyForm }>(
    '/follow-up/reply',
    { config: { access: 'reporter', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { body: ReplyForm } },
    async (request, reply) => {
      const body = request.body.body ?? ''
      const uploads = request.uploads ?? { files: [], refusal: null }
      const again = async (status: number, problem: { error?: string; fileError?: string }) => {
        const ctx = ctxOf(request, reply)
        const view = await followUpOr404(request.reportAccess!)
        return reply.page(
          <FollowUpPage ctx={ctx} view={view} draft={body} attachmentLimits={deps.config.attachmentLimits} {...problem} />,
          status,
        )
      }
      // A file over a limit: nothing is sent, the typed reply comes back, and the page names the file and the limit.
      if (uploads.refusal) {
        const { t } = ctxOf(request, reply)
        const { file, limit, max } = uploads.refusal
        const text = t(`report.files.refused.${limit}`, { file, max: limit === 'files' ? String(max) : sizeText(t, max) })
        return again(413, { fileError: `${text} ${t('report.files.keptText')}` })
      }
      const result = await replyAsReporter(deps, request.reportAccess!, body, uploads.files)
      if (!result.ok) {
        if (result.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
        const { t } = ctxOf(request, reply)
        if (result.error.code === 'FILE_REFUSED')
          return again(415, {
            fileError: `${t(`report.files.refused.${result.error.problem}`, { file: result.error.file })} ${t('report.files.keptText')}`,
          })
        const error =
          result.error.code === 'REPORT_MESSAGE_TOO_LONG' ? t('fieldProblem.too-long') : t('fieldProblem.required' as MessageKey)
        return again(422, { error })
      }
      return reply.flashTo('/follow-up', { tone: 'success', text: ctxOf(request, reply).t('portal.sent') })
    },
  )

  // "Forget": revokes the capability (stored), so the link and any copy of the cookie stop working.
  app.post('/follow-up/forget', { config: { access: 'public' }, schema: { body: EmptyForm } }, async (request, reply) => {
    const token = request.cookies[names.followUp]
    if (token && isWellFormedToken(token)) await forgetLink(deps, token)
    reply.clearCookie(names.followUp, cookieOptions(deps.config))
    reply.clearCookie(names.followUpPending, cookieOptions(deps.config))
    return reply.redirect('/follow-up/forgotten', 303)
  })

  app.get('/follow-up/forgotten', { config: { access: 'public' } }, async (request, reply) =>
    reply.page(<ForgottenPage ctx={ctxOf(request, reply)} />),
  )
}
