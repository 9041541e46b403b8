import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify'
import type { Deps } from '../../deps.js'
import type { PublishedAdvisory } from '../../domain/advisory/advisory.js'
import { atomFeed, newestFirst } from '../../domain/advisory/exports/atom-feed.js'
import { changesCsv, csafPath, indexTxt, providerMetadata, rolieFeed, rolieFeedName } from '../../domain/advisory/exports/csaf-provider.js'
import { csafPublisher, toCsaf } from '../../domain/advisory/exports/to-csaf.js'
import { toCve5 } from '../../domain/advisory/exports/to-cve5.js'
import { toOsv } from '../../domain/advisory/exports/to-osv.js'
import { HttpProblem } from '../../http/problems.js'
import { pageContext } from '../../http/views/page-context.js'
import { translator } from '../../i18n/messages.js'
import { findOrganizationBySlug } from '../../storage/repositories/organization-repository.js'
import { type PublishedAdvisorySource, publicAdvisories } from './advisory-source.js'
import { detachedSignature, hashFile, orgKeyInfo } from './csaf-signature.js'
import { publisherOf } from './publisher-of.js'
import { AdvisoryListPage } from './views/advisory-list-page.js'
import { AdvisoryPage } from './views/advisory-page.js'

const Org = Type.String({ maxLength: 64 })
const OrgParams = Type.Object({ org: Org })
/** An advisory's own id, optionally with the export suffix (`.osv.json`, `.cve.json`). */
const AdvisoryParams = Type.Object({ org: Org, id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' }) })
const CsafFileParams = Type.Object({
  org: Org,
  year: Type.String({ pattern: '^[0-9]{4}$' }),
  file: Type.String({ pattern: '^[+\\-a-z0-9_]{1,120}\\.json(\\.sha256|\\.sha512|\\.asc)?$' }),
})

export interface PublicationOptions {
  deps: Deps
  advisories: PublishedAdvisorySource
}

const json = (reply: FastifyReply, body: unknown, type = 'application/json') =>
  reply
    .type(`${type}; charset=utf-8`)
    .header('cache-control', 'public, max-age=300')
    .send(`${JSON.stringify(body, null, 2)}\n`)

/**
 * The public face of published advisories (access 'public'): the list and the advisory pages, the
 * Atom feed, OSV and CVE JSON at stable URLs, and the CSAF 2.0 trusted-provider layout under the
 * organization's `.well-known/csaf/`. Only published and withdrawn advisories are ever served.
 */
export async function publicationRoutes(app: FastifyInstance, { deps, advisories }: PublicationOptions) {
  const source = publicAdvisories(advisories)
  const pub = { access: 'public' } as const

  async function orgOr404(slug: string) {
    const org = await findOrganizationBySlug(deps.db, slug)
    if (!org) throw new HttpProblem('NOT_FOUND')
    return org
  }

  app.get<{ Params: Static<typeof OrgParams> }>(
    '/o/:org/advisories',
    { config: pub, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const list = newestFirst(await source.list(org.id))
      return reply.page(<AdvisoryListPage ctx={pageContext(request, reply)} org={org} advisories={list} />)
    },
  )

  app.get<{ Params: Static<typeof OrgParams> }>(
    '/o/:org/advisories.atom',
    { config: pub, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const t = translator('en')
      const feed = atomFeed(await publisherOf(deps, org), await source.list(org.id), {
        title: t('publication.list.title', { org: org.name }),
        withdrawn: t('publication.state.withdrawn'),
      })
      return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(feed)
    },
  )

  app.get<{ Params: Static<typeof AdvisoryParams> }>(
    '/o/:org/advisories/:id',
    { config: pub, schema: { params: AdvisoryParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const { id } = request.params
      const format = id.endsWith('.osv.json') ? 'osv' : id.endsWith('.cve.json') ? 'cve' : 'page'
      const ownId = format === 'page' ? id : id.slice(0, -'.osv.json'.length)
      const advisory = await source.find(org.id, ownId)
      if (!advisory) throw new HttpProblem('NOT_FOUND')
      const publisher = await publisherOf(deps, org)
      if (format === 'osv') return json(reply, toOsv(advisory, publisher))
      if (format === 'cve') return json(reply, toCve5(advisory, publisher))
      return reply.page(<AdvisoryPage ctx={pageContext(request, reply)} org={org} publisher={publisher} advisory={advisory} />)
    },
  )

  // CSAF 2.0 section 7: the provider metadata, the TLP:WHITE distribution with its index, changes and ROLIE feed.
  app.get<{ Params: Static<typeof OrgParams> }>(
    '/o/:org/.well-known/csaf/provider-metadata.json',
    { config: pub, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const publisher = await publisherOf(deps, org)
      return json(reply, providerMetadata(publisher, await source.list(org.id), await orgKeyInfo(deps, org), csafPublisher(publisher)))
    },
  )

  app.get<{ Params: Static<typeof OrgParams> }>(
    '/o/:org/.well-known/csaf/white/index.txt',
    { config: pub, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      return reply.type('text/plain; charset=utf-8').send(indexTxt(await source.list(org.id)))
    },
  )

  app.get<{ Params: Static<typeof OrgParams> }>(
    '/o/:org/.well-known/csaf/white/changes.csv',
    { config: pub, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      return reply.type('text/csv; charset=utf-8').send(changesCsv(await source.list(org.id)))
    },
  )

  app.get<{ Params: Static<typeof OrgParams> }>(
    `/o/:org/.well-known/csaf/white/${rolieFeedName}`,
    { config: pub, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const signed = (await orgKeyInfo(deps, org)) !== null
      return json(reply, rolieFeed(await publisherOf(deps, org), await source.list(org.id), signed))
    },
  )

  app.get<{ Params: Static<typeof CsafFileParams> }>(
    '/o/:org/.well-known/csaf/white/:year/:file',
    { config: pub, schema: { params: CsafFileParams } },
    async (request, reply) => {
      const org = await orgOr404(request.params.org)
      const { year, file } = request.params
      const documentName = file.replace(/\.(sha256|sha512|asc)$/, '')
      const advisory = (await source.list(org.id)).find((a: PublishedAdvisory) => csafPath(a) === `${year}/${documentName}`)
      if (!advisory) throw new HttpProblem('NOT_FOUND')
      // The exact bytes every hash and the signature are computed over.
      const bytes = `${JSON.stringify(toCsaf(advisory, await publisherOf(deps, org)), null, 2)}\n`
      if (file.endsWith('.sha256')) return reply.type('text/plain; charset=utf-8').send(hashFile('sha256', bytes, documentName))
      if (file.endsWith('.sha512')) return reply.type('text/plain; charset=utf-8').send(hashFile('sha512', bytes, documentName))
      if (file.endsWith('.asc')) {
        const key = await orgKeyInfo(deps, org)
        const signature = key ? await detachedSignature(deps, org, key, bytes) : null
        if (!signature) throw new HttpProblem('NOT_FOUND')
        return reply.type('application/pgp-signature').send(signature)
      }
      return reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(bytes)
    },
  )
}

/** The routes as a feature of the composition root, reading advisories from the source it is given. */
export function publicationFeature(makeSource: (deps: Deps) => PublishedAdvisorySource): FastifyPluginAsync<{ deps: Deps }> {
  return async (app, { deps }) => publicationRoutes(app, { deps, advisories: makeSource(deps) })
}
