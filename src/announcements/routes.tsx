import type { Static } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cipherFor, type Deps } from '../deps.js'
import { mayReadAdvisory } from '../disclosure/index.js'
import { EmptyForm } from '../http/form-body.js'
import { HttpProblem } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import { findAdvisory } from '../storage/repositories/advisory-repository.js'
import { listAnnouncementChannels, listAnnouncements } from '../storage/repositories/announcement-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { AdvisoryParams, AnnouncementParams, ChannelFormBody, ChannelsQuery, OrgParams, RemoveChannelBody, RetriedQuery } from './forms.js'
import { type ChannelForm, type ConfigureChannelError, configureChannel } from './use-cases/configure-channel.js'
import { removeChannel } from './use-cases/remove-channel.js'
import { retryAnnouncement } from './use-cases/retry-announcement.js'
import { AnnouncementsPage } from './views/announcements-page.js'
import { ChannelsPage, type ChannelsPageProps, type PolicyChannel } from './views/channels-page.js'

type ChannelsQueryValues = Static<typeof ChannelsQuery>

/**
 * Announcements: the administrator's channels page (`/w/:org/admin/announcements`: how each of the
 * policy's `disclosure.announcements[]` is delivered, secrets never shown again) and an advisory's
 * announcements (`/w/:org/advisories/:id/announcements`: sent, failed, retrying), readable by
 * whoever may read the advisory (need to know over its reports).
 */
export async function announcementRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const admin = { access: 'org.admin' } as const
  const read = { access: 'report.read' } as const
  const work = { access: 'report.work' } as const

  const policyChannels = async (orgId: string): Promise<PolicyChannel[]> => {
    const listed = (await currentPolicy(deps.db, orgId))?.policy.disclosure?.announcements ?? []
    const configured = new Map((await listAnnouncementChannels(deps.db, orgId)).map((c) => [c.name, c]))
    const seen = new Set<string>()
    return listed
      .filter((a) => !seen.has(a.name) && Boolean(seen.add(a.name)))
      .map((a) => {
        const c = configured.get(a.name)
        return { kind: a.kind, name: a.name, ...(a.url ? { url: a.url } : {}), ...(c ? { configured: c } : {}) }
      })
  }

  const showChannels = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { editing?: { name: string; values?: Omit<ChannelForm, 'token'>; error?: ConfigureChannelError } } = {},
  ) => {
    const org = request.org!
    const ctx = pageContext(request, reply)
    // A new signing secret arrives once, sealed in the flash (never in an address), with its channel's name.
    const shown = ctx.flash?.secret && ctx.flash.draft?.channel ? { name: ctx.flash.draft.channel, value: ctx.flash.secret } : undefined
    // The page with the secret is never kept by a cache or the browser's history store.
    if (shown) reply.header('cache-control', 'no-store')
    const query = request.query as ChannelsQueryValues
    const channels = await policyChannels(org.id)
    const named = (name: string | undefined) => channels.find((c) => c.name === name)
    const open = named(extra.editing?.name ?? query.channel)
    let editing: ChannelsPageProps['editing']
    if (open) {
      const stored = open.configured
      const values = extra.editing?.values ?? {
        name: open.name,
        delivery: (stored?.delivery ?? 'mail') as ChannelForm['delivery'],
        address: stored?.delivery === 'mail' ? stored.target : '',
        url: '',
        homeserver: '',
        room: '',
      }
      editing = { channel: open, values, ...(extra.editing?.error ? { errors: extra.editing.error.fields } : {}) }
    }
    return reply.page(
      <ChannelsPage ctx={ctx} org={org} role={request.role!} channels={channels} editing={editing} secret={shown} />,
      extra.editing?.error ? 422 : 200,
    )
  }

  app.get<{ Querystring: ChannelsQueryValues }>(
    '/w/:org/admin/announcements',
    { config: admin, schema: { params: OrgParams, querystring: ChannelsQuery } },
    (request, reply) => showChannels(request, reply),
  )

  app.post<{ Body: Static<typeof ChannelFormBody> }>(
    '/w/:org/admin/announcements',
    { config: admin, schema: { params: OrgParams, body: ChannelFormBody } },
    async (request, reply) => {
      const org = request.org!
      const { t } = pageContext(request, reply)
      const b = request.body
      const form: ChannelForm = {
        name: b.name ?? '',
        delivery: (b.delivery ?? 'mail') as ChannelForm['delivery'],
        address: b.address ?? '',
        url: b.url ?? '',
        homeserver: b.homeserver ?? '',
        room: b.room ?? '',
        token: b.token ?? '',
      }
      const result = await configureChannel(deps, org, form, request.user!.id)
      const { token: _token, ...typed } = form
      if (!result.ok) return showChannels(request, reply, { editing: { name: form.name, values: typed, error: result.error } })
      if (result.value.secret) {
        // The signing secret is kept nowhere in clear: the next page shows it once, from the sealed flash.
        return reply.flashTo(`/w/${org.slug}/admin/announcements`, {
          tone: 'success',
          text: t('announceAdmin.saved', { name: form.name }),
          secret: result.value.secret,
          draft: { channel: form.name },
        })
      }
      return reply.flashTo(`/w/${org.slug}/admin/announcements`, { tone: 'success', text: t('announceAdmin.saved', { name: form.name }) })
    },
  )

  app.post<{ Body: Static<typeof RemoveChannelBody> }>(
    '/w/:org/admin/announcements/remove',
    { config: admin, schema: { params: OrgParams, body: RemoveChannelBody } },
    async (request, reply) => {
      const org = request.org!
      const { t } = pageContext(request, reply)
      const name = request.body.name ?? ''
      const removed = await removeChannel(deps, org, name, request.user!.id)
      if (!removed.ok) throw new HttpProblem('NOT_FOUND')
      return reply.flashTo(`/w/${org.slug}/admin/announcements`, { tone: 'success', text: t('announceAdmin.removed', { name }) })
    },
  )

  /** The advisory, if the member may read it (need to know over its reports); otherwise 404. */
  const readableAdvisory = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const org = request.org!
    const advisory = await findAdvisory(deps.db, cipherFor(deps, org), org.id, request.params.id)
    if (!advisory || !(await mayReadAdvisory(deps.db, org.id, advisory.id, memberOf(request)))) throw new HttpProblem('NOT_FOUND')
    return advisory
  }

  app.get<{ Params: Static<typeof AdvisoryParams>; Querystring: Static<typeof RetriedQuery> }>(
    '/w/:org/advisories/:id/announcements',
    { config: read, schema: { params: AdvisoryParams, querystring: RetriedQuery } },
    async (request, reply) => {
      const org = request.org!
      const advisory = await readableAdvisory(request)
      return reply.page(
        <AnnouncementsPage
          ctx={pageContext(request, reply)}
          org={org}
          role={request.role!}
          advisory={{ ownId: advisory.ownId, title: advisory.content.title, published: advisory.publishedAt !== null }}
          announcements={await listAnnouncements(deps.db, org.id, advisory.id)}
          retried={request.query.retried === '1'}
          timeZone={await orgTimeZone(deps.db, org.id)}
        />,
      )
    },
  )

  app.post<{ Params: Static<typeof AnnouncementParams> }>(
    '/w/:org/advisories/:id/announcements/:announcement/retry',
    { config: work, schema: { params: AnnouncementParams, body: EmptyForm } },
    async (request, reply) => {
      const org = request.org!
      const advisory = await readableAdvisory(request)
      const retried = await retryAnnouncement(deps, org, advisory.id, request.params.announcement, request.user!.id)
      if (!retried.ok) throw new HttpProblem('NOT_FOUND')
      return reply.redirect(`/w/${org.slug}/advisories/${encodeURIComponent(advisory.ownId)}/announcements?retried=1`, 303)
    },
  )
}
