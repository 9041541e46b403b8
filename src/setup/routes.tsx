import type { FastifyInstance } from 'fastify'
import { sessionAbsoluteMs } from '../auth/index.js'
import type { Deps } from '../deps.js'
import { cookieNames, cookieOptions } from '../http/cookies.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { completeSetup, SetupAlreadyDone, type SetupInput } from './complete-setup.js'
import { setupTokenValid } from './setup-token.js'
import { SetupPage } from './views.js'

const field = (body: unknown, name: keyof SetupInput): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** The one-time first-run page printed by `embargo serve` while the instance has no user. */
export async function setupRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const limit = { rateLimit: { max: 10, timeWindow: '1 minute' } }

  app.get<{ Params: { token: string } }>('/setup/:token', { config: { access: 'setup', ...limit } }, async (request, reply) => {
    if (!(await setupTokenValid(deps, request.params.token))) throw new HttpProblem('NOT_FOUND')
    return reply.page(<SetupPage ctx={pageContext(request, reply)} token={request.params.token} values={{}} errors={{}} />)
  })

  app.post<{ Params: { token: string } }>('/setup/:token', { config: { access: 'setup', ...limit } }, async (request, reply) => {
    const { token } = request.params
    if (!(await setupTokenValid(deps, token))) throw new HttpProblem('NOT_FOUND')
    const input: SetupInput = {
      name: field(request.body, 'name'),
      email: field(request.body, 'email'),
      password: field(request.body, 'password'),
      orgName: field(request.body, 'orgName'),
      orgSlug: field(request.body, 'orgSlug'),
    }
    try {
      const result = await completeSetup(deps, token, input)
      if (!result.ok) {
        const values = { ...input, password: '' }
        return reply.page(<SetupPage ctx={pageContext(request, reply)} token={token} values={values} errors={result.error} />, 422)
      }
      reply.setCookie(cookieNames(deps.config).session, result.value.session, cookieOptions(deps.config, sessionAbsoluteMs / 1000))
      return reply.redirect(`/w/${result.value.slug}/reports`, 303)
    } catch (error) {
      if (error instanceof SetupAlreadyDone) throw new HttpProblem('NOT_FOUND')
      throw error
    }
  })
}
