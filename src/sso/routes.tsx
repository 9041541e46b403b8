import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sessionAbsoluteMs, signOut } from '../auth/index.js'
import { cipherFor, type Deps } from '../deps.js'
import { cookieNames, cookieOptions } from '../http/cookies.js'
import { HttpProblem } from '../http/problems.js'
import { safeRedirectTarget } from '../http/redirect-target.js'
import { pageContext } from '../http/views/page-context.js'
import { findOrganizationBySlug } from '../storage/repositories/organization-repository.js'
import { findSsoSettings } from '../storage/repositories/sso-repository.js'
import { callbackUrl } from './provider.js'
import { AdminQuery, CallbackQuery, OrgParams, SsoSettingsForm, StartQuery } from './schemas.js'
import { openSignInState, signInStateSeconds } from './sign-in-state.js'
import { type ConfigureSsoError, configureSso, type SsoForm } from './use-cases/configure-sso.js'
import { finishProviderSignIn } from './use-cases/finish-provider-sign-in.js'
import { startProviderSignIn } from './use-cases/start-provider-sign-in.js'
import { SsoAdminPage, type SsoFormValues } from './views.js'

/** The administrator's provider page, and the two legs of a sign-in through the organization's provider. */
export async function ssoRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const names = cookieNames(deps.config)
  const admin = { access: 'org.admin' } as const

  async function show(request: FastifyRequest, reply: FastifyReply, typed?: SsoFormValues, error?: ConfigureSsoError) {
    const org = request.org!
    const stored = await findSsoSettings(deps.db, cipherFor(deps, org), org.id)
    const values: SsoFormValues = typed ?? {
      displayName: stored?.displayName ?? '',
      issuer: stored?.issuer ?? '',
      clientId: stored?.clientId ?? '',
      domains: stored?.allowedDomains.join(' ') ?? '',
      jitRole: stored?.jitRole === 'viewer' || stored?.jitRole === 'responder' ? stored.jitRole : '',
      trustProviderMfa: stored?.trustProviderMfa ?? false,
      enabled: stored?.enabled ?? true,
      secretStored: stored !== undefined,
    }
    const page = (
      <SsoAdminPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        callback={callbackUrl(deps, org.slug).href}
        values={{ ...values, secretStored: stored !== undefined }}
        errors={error?.fields}
      />
    )
    return reply.page(page, error ? 422 : 200)
  }

  app.get<{ Params: OrgParams; Querystring: AdminQuery }>(
    '/w/:org/admin/sso',
    { config: admin, schema: { params: OrgParams, querystring: AdminQuery } },
    (request, reply) => show(request, reply),
  )

  app.post<{ Params: OrgParams; Body: SsoSettingsForm }>(
    '/w/:org/admin/sso',
    { config: admin, schema: { params: OrgParams, body: SsoSettingsForm } },
    async (request, reply) => {
      const org = request.org!
      const b = request.body
      const form: SsoForm = {
        displayName: b.displayName ?? '',
        issuer: b.issuer ?? '',
        clientId: b.clientId ?? '',
        clientSecret: b.clientSecret ?? '',
        domains: b.domains ?? '',
        jitRole: b.jitRole === 'viewer' || b.jitRole === 'responder' ? b.jitRole : '',
        trustProviderMfa: b.trustProviderMfa === 'yes',
        enabled: b.enabled !== 'no',
      }
      const result = await configureSso(deps, org, form, request.user!.id)
      if (result.ok)
        return reply.flashTo(`/w/${org.slug}/admin/sso`, { tone: 'success', text: pageContext(request, reply).t('ssoAdmin.saved') })
      return show(request, reply, { ...form, secretStored: false }, result.error)
    },
  )

  app.get<{ Params: OrgParams; Querystring: StartQuery }>(
    '/o/:org/sso/start',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { params: OrgParams, querystring: StartQuery },
    },
    async (request, reply) => {
      const org = await findOrganizationBySlug(deps.db, request.params.org)
      if (!org) throw new HttpProblem('NOT_FOUND')
      const next = safeRedirectTarget(request.query.next, deps.config.publicUrl)
      const result = await startProviderSignIn(deps, org, next)
      if (!result.ok) throw new HttpProblem(result.error.code)
      reply.setCookie(names.sso, result.value.cookie, cookieOptions(deps.config, signInStateSeconds))
      return reply.redirect(result.value.redirectTo, 303)
    },
  )

  app.get<{ Params: OrgParams; Querystring: CallbackQuery }>(
    '/o/:org/sso/callback',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { params: OrgParams, querystring: CallbackQuery },
    },
    async (request, reply) => {
      const org = await findOrganizationBySlug(deps.db, request.params.org)
      if (!org) throw new HttpProblem('NOT_FOUND')
      // Used once, whatever the outcome: a second visit of this answer finds no sign-in under way.
      const started = openSignInState(deps, request.cookies[names.sso], org.id)
      reply.clearCookie(names.sso, cookieOptions(deps.config))
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
      const result = await finishProviderSignIn(deps, org, started, query, {
        userAgent: request.headers['user-agent'],
        address: request.ip,
      })
      if (!result.ok) throw new HttpProblem(result.error.code)
      // A fresh session id at every sign-in (ASVS v5.0.0-7.2.4); any earlier one is ended.
      if (request.user) await signOut(deps, request.user.sessionId)
      reply.setCookie(names.session, result.value.token, cookieOptions(deps.config, sessionAbsoluteMs / 1000))
      const next = result.value.next === '/' ? `/w/${org.slug}/reports` : result.value.next
      return reply.redirect(next, 303)
    },
  )
}
