import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.js'
import { cookieNames, cookieOptions } from '../http/cookies.js'
import { EmptyForm } from '../http/form-body.js'
import { safeRedirectTarget } from '../http/redirect-target.js'
import { pageContext } from '../http/views/page-context.js'
import { listOrganizations } from '../storage/repositories/organization-repository.js'
import { listSignInProviders } from '../storage/repositories/sso-repository.js'
import { listMembershipsOfUser } from '../storage/repositories/user-repository.js'
import { LoginForm, LoginQuery, SecondStepForm } from './schemas.js'
import { findSecondStep, secondStepChoices, secondStepMs } from './second-factor/second-step.js'
import { SecondStepPage } from './second-step-view.js'
import { sessionAbsoluteMs } from './sessions.js'
import { completeSignIn, type SecondFactorProof } from './use-cases/complete-sign-in.js'
import { signIn } from './use-cases/sign-in.js'
import { signOut } from './use-cases/sign-out.js'
import { HomePage, LoginPage } from './views.js'

/** Start page, sign-in and sign-out. */
export async function authRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const names = cookieNames(deps.config)

  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    const memberships = request.user ? await listMembershipsOfUser(deps.db, request.user.id) : []
    const organizations = await listOrganizations(deps.db)
    return reply.page(<HomePage ctx={pageContext(request, reply)} data={{ memberships, organizations }} />)
  })

  app.get<{ Querystring: LoginQuery }>(
    '/login',
    { config: { access: 'public' }, schema: { querystring: LoginQuery } },
    async (request, reply) => {
      const next = safeRedirectTarget(request.query.next, deps.config.publicUrl)
      const providers = await listSignInProviders(deps.db)
      return reply.page(<LoginPage ctx={pageContext(request, reply)} email="" next={next} providers={providers} />)
    },
  )

  app.post<{ Body: LoginForm }>(
    '/login',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { body: LoginForm } },
    async (request, reply) => {
      const { email = '', password = '' } = request.body
      // Only ever a path on this instance (finding 5 of issue 8); the form carries it back as typed.
      const next = safeRedirectTarget(request.body.next, deps.config.publicUrl)
      const result = await signIn(deps, email, password, request.ip, next, request.headers['user-agent'])
      if (!result.ok && result.reason === 'throttled') {
        const waitSeconds = Math.max(1, Math.ceil((result.retryAt.getTime() - deps.now().getTime()) / 1000))
        reply.header('retry-after', String(waitSeconds))
        const page = <LoginPage ctx={pageContext(request, reply)} email={email} next={next} problem="throttled" waitSeconds={waitSeconds} />
        return reply.page(page, 429)
      }
      if (!result.ok) {
        return reply.page(<LoginPage ctx={pageContext(request, reply)} email={email} next={next} problem="failed" />, 401)
      }
      if ('challenge' in result) {
        // The password was right; the session starts only after the second factor.
        reply.setCookie(names.secondStep, result.challenge, cookieOptions(deps.config, secondStepMs / 1000))
        return reply.redirect('/login/second-step', 303)
      }
      // A fresh session id at every sign-in (ASVS v5.0.0-7.2.4); any earlier one is ended.
      if (request.user) await signOut(deps, request.user.sessionId)
      reply.setCookie(names.session, result.token, cookieOptions(deps.config, sessionAbsoluteMs / 1000))
      return reply.redirect(next, 303)
    },
  )

  app.get('/login/second-step', { config: { access: 'public' } }, async (request, reply) => {
    const token = request.cookies[names.secondStep]
    const step = token ? await findSecondStep(deps, token) : undefined
    if (!step) return reply.redirect('/login', 303)
    return reply.page(<SecondStepPage ctx={pageContext(request, reply)} choices={await secondStepChoices(deps, step)} />)
  })

  app.post<{ Body: SecondStepForm }>(
    '/login/second-step',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { body: SecondStepForm } },
    async (request, reply) => {
      const token = request.cookies[names.secondStep] ?? ''
      const { method = 'totp', code = '', response } = request.body
      const proof: SecondFactorProof =
        method === 'passkey'
          ? { method: 'passkey', response }
          : method === 'recovery'
            ? { method: 'recovery', code }
            : { method: 'totp', code }
      const result = await completeSignIn(deps, token, proof, { userAgent: request.headers['user-agent'], address: request.ip })
      if (!result.ok && (result.error === 'expired' || result.error === 'used-up')) {
        reply.clearCookie(names.secondStep, cookieOptions(deps.config))
        const problem = result.error === 'expired' ? 'second-step-expired' : 'second-step-used-up'
        return reply.page(<LoginPage ctx={pageContext(request, reply)} email="" next="/" problem={problem} />, 401)
      }
      if (!result.ok) {
        const problem = result.error === 'throttled' ? 'throttled' : 'wrong'
        const step = await findSecondStep(deps, token)
        if (!step) return reply.redirect('/login', 303)
        const page = <SecondStepPage ctx={pageContext(request, reply)} choices={await secondStepChoices(deps, step)} problem={problem} />
        return reply.page(page, problem === 'throttled' ? 429 : 401)
      }
      reply.clearCookie(names.secondStep, cookieOptions(deps.config))
      // A fresh session id at every sign-in (ASVS v5.0.0-7.2.4); any earlier one is ended.
      if (request.user) await signOut(deps, request.user.sessionId)
      reply.setCookie(names.session, result.value.token, cookieOptions(deps.config, sessionAbsoluteMs / 1000))
      return reply.redirect(result.value.next, 303)
    },
  )

  app.post('/logout', { config: { access: 'signed-in' }, schema: { body: EmptyForm } }, async (request, reply) => {
    if (request.user) await signOut(deps, request.user.sessionId)
    reply.clearCookie(names.session, cookieOptions(deps.config))
    reply.header('clear-site-data', '"cache", "cookies"')
    return reply.redirect('/', 303)
  })
}
