import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { translator } from '../i18n/messages.js'
import { countQueuedMail, listDeadMail } from '../storage/repositories/mail-outbox-repository.js'
import { findOrgMail, listQuarantined } from '../storage/repositories/mail-repository.js'
import { findOrganizationBySlug } from '../storage/repositories/organization-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { generateOrgMailKey } from './use-cases/generate-org-mail-key.js'
import { importOrgMailKey } from './use-cases/import-org-mail-key.js'
import { retryDeadMail } from './use-cases/retry-dead-mail.js'
import { setSecurityAddress } from './use-cases/set-security-address.js'
import { MailAdminPage } from './views.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
const RetryParams = Type.Object({ org: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 64 }) })
const SettingsForm = Form({ address: Form.text(320), encryptionRequired: Form.choice(['yes', 'no'] as const) })
type SettingsForm = { address?: string; encryptionRequired?: 'yes' | 'no' }
// An armored private key with its subkeys and signatures; well under the form body limit.
const KeyImportForm = Form({ privateKey: Form.text(256 * 1024), passphrase: Form.text(1024) })
type KeyImportForm = { privateKey?: string; passphrase?: string }

/** The admin mail page (address, key, dead letters, quarantine) and the published public key. */
export async function mailRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const config = { access: 'org.admin' } as const

  async function show(request: FastifyRequest, reply: FastifyReply, notice?: string, problem?: string, status = 200) {
    const org = request.org!
    const settings = await findOrgMail(deps.db, org.id)
    const dead = await listDeadMail(deps.db, org.id)
    const quarantined = await listQuarantined(deps.db, org.id)
    const data = {
      securityAddress: settings?.securityAddress ?? null,
      encryptionRequired: settings?.encryptionRequired ?? false,
      fingerprint: settings?.fingerprint ?? null,
      publicKeyUrl: new URL(`/o/${org.slug}/openpgp.asc`, deps.config.publicUrl).href,
      relayConfigured: deps.config.smtpRelay !== null,
      queued: await countQueuedMail(deps.db, org.id),
      dead: dead.map((d) => ({ id: d.id, attempts: Number(d.attempts), lastError: d.last_error, deadAt: d.dead_at })),
      quarantined: quarantined.map((q) => ({ id: q.id, receivedAt: q.received_at, reason: q.reason })),
      timeZone: await orgTimeZone(deps.db, org.id),
    }
    const page = (
      <MailAdminPage ctx={pageContext(request, reply)} org={org} role={request.role!} data={data} notice={notice} problem={problem} />
    )
    return reply.page(page, status)
  }

  const t = translator('en')
  /** Back to the mail page with what happened, once (post/redirect/get). */
  const done = (reply: FastifyReply, slug: string, what: 'saved' | 'retried') =>
    reply.flashTo(`/w/${slug}/admin/mail`, { tone: 'success', text: t(what === 'retried' ? 'mailAdmin.retried' : 'mailAdmin.saved') })

  app.get('/w/:org/admin/mail', { config, schema: { params: OrgParams } }, (request, reply) => show(request, reply))

  app.post<{ Body: SettingsForm }>(
    '/w/:org/admin/mail/settings',
    { config, schema: { params: OrgParams, body: SettingsForm } },
    async (request, reply) => {
      const org = request.org!
      const result = await setSecurityAddress(deps, org, {
        address: request.body.address ?? '',
        encryptionRequired: request.body.encryptionRequired === 'yes',
      })
      if (!result.ok)
        return show(
          request,
          reply,
          undefined,
          result.error.problem === 'taken' ? t('mailAdmin.addressTaken') : t('fieldProblem.invalid-email'),
          422,
        )
      return done(reply, org.slug, 'saved')
    },
  )

  app.post('/w/:org/admin/mail/key/generate', { config, schema: { params: OrgParams, body: EmptyForm } }, async (request, reply) => {
    const org = request.org!
    const result = await generateOrgMailKey(deps, org)
    if (!result.ok) return show(request, reply, undefined, t('mailAdmin.needAddress'), 422)
    return done(reply, org.slug, 'saved')
  })

  app.post<{ Body: KeyImportForm }>(
    '/w/:org/admin/mail/key/import',
    { config, schema: { params: OrgParams, body: KeyImportForm } },
    async (request, reply) => {
      const org = request.org!
      const result = await importOrgMailKey(deps, org, request.body.privateKey ?? '', request.body.passphrase ?? '')
      if (!result.ok) return show(request, reply, undefined, t('mailAdmin.keyProblem', { problem: result.error.problem }), 422)
      return done(reply, org.slug, 'saved')
    },
  )

  app.post<{ Params: { org: string; id: string } }>(
    '/w/:org/admin/mail/outbox/:id/retry',
    { config, schema: { params: RetryParams, body: EmptyForm } },
    async (request, reply) => {
      const org = request.org!
      const result = await retryDeadMail(deps, org, request.params.id, request.user!.id)
      if (!result.ok) throw new HttpProblem(result.error)
      return done(reply, org.slug, 'retried')
    },
  )

  app.get<{ Params: { org: string } }>(
    '/o/:org/openpgp.asc',
    { config: { access: 'public' }, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = await findOrganizationBySlug(deps.db, request.params.org)
      const settings = org && (await findOrgMail(deps.db, org.id))
      if (!settings?.publicKey) throw new HttpProblem('NOT_FOUND')
      return reply.type('application/pgp-keys; charset=utf-8').header('cache-control', 'public, max-age=3600').send(settings.publicKey)
    },
  )
}
