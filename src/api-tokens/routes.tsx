import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { HttpProblem, problems } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import { listMemberTokens } from '../storage/repositories/api-token-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { apiRoutes } from './api-routes.js'
import { createApiToken, tokenLifetimes } from './use-cases/create-api-token.js'
import { revokeApiToken } from './use-cases/revoke-api-token.js'
import { TokensPage, type TokensPageProps } from './views/tokens-page.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
const TokenParams = Type.Object({ org: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 64 }) })
const NewTokenForm = Form({ name: Form.text(400), scope: Form.choice(['read', 'work'] as const), days: Form.choice(tokenLifetimes) })

/** The API tokens page of each member (`/w/:org/tokens`, no account page yet) and the team JSON API. */
export async function apiTokenRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const config = { access: 'report.read' } as const

  const page = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<TokensPageProps> = {}, status = 200) => {
    const org = request.org!
    const [tokens, timeZone] = await Promise.all([listMemberTokens(deps.db, org.id, request.user!.id), orgTimeZone(deps.db, org.id)])
    const now = deps.now().toISOString()
    return reply.page(
      <TokensPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        tokens={tokens}
        now={now}
        timeZone={timeZone}
        {...extra}
      />,
      status,
    )
  }

  // The secret of a token just created rides in the sealed, single-use flash (src/http/flash.ts): shown by this page once.
  app.get('/w/:org/tokens', { config, schema: { params: OrgParams } }, (request, reply) =>
    page(request, reply, { created: pageContext(request, reply).flash?.secret }),
  )

  /**
   * Creating a token answers 303 to the tokens page (post/redirect/get: a reload makes no second
   * token). The secret is kept nowhere on the server: it travels to that page once in the sealed
   * flash cookie (two minutes, cleared by the page that shows it), never in an address.
   */
  app.post<{ Body: Static<typeof NewTokenForm> }>(
    '/w/:org/tokens',
    { config, schema: { params: OrgParams, body: NewTokenForm } },
    async (request, reply) => {
      const values = { name: request.body.name, scope: request.body.scope, days: request.body.days }
      const result = await createApiToken(deps, request.org!, memberOf(request), {
        name: request.body.name ?? '',
        scope: request.body.scope === 'work' ? 'work' : 'read',
        days: tokenLifetimes.find((d) => d === request.body.days) ?? '30',
      })
      if (!result.ok) {
        const error = result.error.code === 'TOKEN_NAME_INVALID' ? 'name' : 'scope'
        return page(request, reply, { error, values }, problems[result.error.code].status)
      }
      const { t } = pageContext(request, reply)
      return reply.flashTo(`/w/${request.org!.slug}/tokens`, {
        tone: 'success',
        text: t('tokens.createdFlash', { name: values.name ?? '' }),
        secret: result.value.secret,
      })
    },
  )

  app.post<{ Params: Static<typeof TokenParams> }>(
    '/w/:org/tokens/:id/revoke',
    { config, schema: { params: TokenParams, body: EmptyForm } },
    async (request, reply) => {
      const result = await revokeApiToken(deps, request.org!, request.user!.id, request.params.id)
      if (!result.ok) throw new HttpProblem(result.error.code)
      return reply.redirect(`/w/${request.params.org}/tokens`, 303)
    },
  )

  await app.register(apiRoutes, { deps })
}
