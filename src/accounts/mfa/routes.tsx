import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { totpCipher, totpSecretContext, totpUri } from '../../auth/index.js'
import type { Deps } from '../../deps.js'
import { EmptyForm } from '../../http/form-body.js'
import { pageContext } from '../../http/views/page-context.js'
import { findTotp } from '../../storage/repositories/mfa-repository.js'
import type { AccountUser } from './account-user.js'
import { passkeyRegistrationOptions } from './passkey-registration.js'
import { takeRecoveryCodesToShow } from './recovery-codes-shown-once.js'
import { CodeForm, PasskeyForm, PasskeyParams, PasswordForm } from './schemas.js'
import { securityOverview } from './security-overview.js'
import { addPasskey } from './use-cases/add-passkey.js'
import { confirmTotp } from './use-cases/confirm-totp.js'
import { regenerateRecoveryCodes } from './use-cases/regenerate-recovery-codes.js'
import { removePasskey } from './use-cases/remove-passkey.js'
import { removeTotp } from './use-cases/remove-totp.js'
import { startTotpEnrolment } from './use-cases/start-totp-enrolment.js'
import { PasskeySetupPage, RecoveryCodesPage, type SecurityNotice, SecurityPage, TotpSetupPage } from './views.js'

const signedIn = { access: 'signed-in' } as const

/** The signed-in person (the `signed-in` rule ran before the handler). */
function accountUser(request: FastifyRequest): AccountUser {
  if (!request.user) throw new Error('signed-in route without a user')
  return request.user
}

/** Where a refused change sends the person: back to the page, saying why. */
const refused = (request: FastifyRequest, reply: FastifyReply, error: string) => {
  const { t } = pageContext(request, reply)
  if (error === 'password' || error === 'step-up')
    return reply.flashTo('/account/security', {
      tone: 'danger',
      text: error === 'password' ? t('security.passwordWrong') : t('security.stepUp'),
    })
  return reply.redirect('/account/security', 303)
}

/** Back to the security page saying what changed, once (post/redirect/get). */
const done = (request: FastifyRequest, reply: FastifyReply, notice: SecurityNotice) =>
  reply.flashTo('/account/security', { tone: 'success', text: pageContext(request, reply).t(`security.done.${notice}`) })

/**
 * The account's second factors (issue 13 item 3): `/account/security` and its forms. Outside any
 * organization, so a member whose organization requires a second factor can always reach it.
 */
export async function mfaRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get('/account/security', { config: signedIn }, async (request, reply) => {
    const data = await securityOverview(deps, accountUser(request))
    const page = <SecurityPage ctx={pageContext(request, reply)} data={data} />
    return reply.page(page)
  })

  app.post('/account/security/totp/start', { config: signedIn, schema: { body: EmptyForm } }, async (request, reply) => {
    const result = await startTotpEnrolment(deps, accountUser(request))
    return result.ok ? reply.redirect('/account/security/totp', 303) : refused(request, reply, result.error)
  })

  const totpSetupPage = async (request: FastifyRequest, reply: FastifyReply, wrong: boolean) => {
    const user = accountUser(request)
    const row = await findTotp(deps.db, user.id)
    if (!row || row.confirmed_at !== null) return reply.redirect('/account/security', 303)
    const secret = totpCipher(deps).decrypt(row.secret_enc, totpSecretContext(user.id))
    const uri = totpUri(secret, user.email, deps.config.publicUrl.host)
    return reply.page(<TotpSetupPage ctx={pageContext(request, reply)} uri={uri} secret={secret} wrong={wrong} />, wrong ? 422 : 200)
  }

  app.get('/account/security/totp', { config: signedIn }, (request, reply) => totpSetupPage(request, reply, false))

  app.post<{ Body: CodeForm }>(
    '/account/security/totp/confirm',
    { config: { ...signedIn, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { body: CodeForm } },
    async (request, reply) => {
      const result = await confirmTotp(deps, accountUser(request), request.body.code ?? '')
      if (!result.ok && result.error === 'wrong') return totpSetupPage(request, reply, true)
      if (!result.ok) return refused(request, reply, result.error)
      return result.value.codesMade ? reply.redirect('/account/security/recovery-codes', 303) : done(request, reply, 'totp-added')
    },
  )

  app.post<{ Body: PasswordForm }>(
    '/account/security/totp/remove',
    { config: { ...signedIn, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { body: PasswordForm } },
    async (request, reply) => {
      const result = await removeTotp(deps, accountUser(request), request.body.password ?? '')
      return result.ok ? done(request, reply, 'totp-removed') : refused(request, reply, result.error)
    },
  )

  app.get('/account/security/passkeys/new', { config: signedIn }, async (request, reply) => {
    const options = await passkeyRegistrationOptions(deps, accountUser(request))
    return reply.page(<PasskeySetupPage ctx={pageContext(request, reply)} options={options} />)
  })

  app.post<{ Body: PasskeyForm }>(
    '/account/security/passkeys',
    { config: { ...signedIn, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { body: PasskeyForm } },
    async (request, reply) => {
      const user = accountUser(request)
      const result = await addPasskey(deps, user, request.body.name ?? '', request.body.response)
      if (!result.ok && result.error === 'failed') {
        const options = await passkeyRegistrationOptions(deps, user)
        return reply.page(<PasskeySetupPage ctx={pageContext(request, reply)} options={options} failed />, 422)
      }
      if (!result.ok) return refused(request, reply, result.error)
      return result.value.codesMade ? reply.redirect('/account/security/recovery-codes', 303) : done(request, reply, 'passkey-added')
    },
  )

  app.post<{ Params: PasskeyParams; Body: PasswordForm }>(
    '/account/security/passkeys/:id/remove',
    { config: { ...signedIn, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { params: PasskeyParams, body: PasswordForm } },
    async (request, reply) => {
      const result = await removePasskey(deps, accountUser(request), request.params.id, request.body.password ?? '')
      return result.ok ? done(request, reply, 'passkey-removed') : refused(request, reply, result.error)
    },
  )

  app.post<{ Body: PasswordForm }>(
    '/account/security/recovery-codes',
    { config: { ...signedIn, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { body: PasswordForm } },
    async (request, reply) => {
      const result = await regenerateRecoveryCodes(deps, accountUser(request), request.body.password ?? '')
      return result.ok ? reply.redirect('/account/security/recovery-codes', 303) : refused(request, reply, result.error)
    },
  )

  app.get('/account/security/recovery-codes', { config: signedIn }, async (request, reply) => {
    const codes = await takeRecoveryCodesToShow(deps, accountUser(request).sessionId)
    return reply.page(<RecoveryCodesPage ctx={pageContext(request, reply)} codes={codes} />)
  })
}
