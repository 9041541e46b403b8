import type { FastifyInstance } from 'fastify'
import { sessionAbsoluteMs } from '../auth/index.js'
import type { Deps } from '../deps.js'
import { cookieNames, cookieOptions } from '../http/cookies.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { SetupForm, SetupParams } from './schemas.js'
import { setupTokenValid } from './setup-token.js'
import { completeSetup, type SetupInput } from './use-cases/complete-setup.js'
import { SetupPage } from './views.js'

/** The one-time first-run page printed by `embargo serve` while the instance has no user. */
export async function setupRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const limit = { rateLimit: { max: 10, timeWindow: '1 minute' } }

  app.get<{ Params: SetupParams }>(
    '/setup/:token',
    { config: { access: 'setup', ...limit }, schema: { params: SetupParams } },
    async (request, reply) => {
      if (!(await setupTokenValid(deps, request.params.token))) throw new HttpProblem('NOT_FOUND')
      return reply.page(<SetupPage ctx={pageContext(request, reply)} token={request.params.token} values={{}} errors={{}} />)
    },
  )

  app.post<{ Params: SetupParams; Body: SetupForm }>(
    '/setup/:token',
    { config: { access: 'setup', ...limit }, schema: { params: SetupParams, body: SetupForm } },
    async (request, reply) => {
      const { token } = request.params
      if (!(await setupTokenValid(deps, token))) throw new HttpProblem('NOT_FOUND')
      const { name = '', email = '', password = '', orgName = '', orgSlug = '' } = request.body
      const input: SetupInput = { name, email, password, orgName, orgSlug }
      const result = await completeSetup(deps, token, input)
      if (!result.ok) {
        if (result.error.code !== 'VALIDATION_FAILED') throw new HttpProblem(result.error.code)
        const values = { ...input, password: '' }
        return reply.page(<SetupPage ctx={pageContext(request, reply)} token={token} values={values} errors={result.error.fields} />, 422)
      }
      reply.setCookie(cookieNames(deps.config).session, result.value.session, cookieOptions(deps.config, sessionAbsoluteMs / 1000))
      return reply.redirect(`/w/${result.value.slug}/reports`, 303)
    },
  )
}
