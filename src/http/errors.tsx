import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ConcurrentChangeError } from '../storage/report-transition.js'
import { HttpProblem, problems, problemTitle } from './problems.js'
import { safeRedirectTarget } from './redirect-target.js'
import { ErrorPage } from './views/error-page.js'
import { pageContext } from './views/page-context.js'

const wantsJson = (request: FastifyRequest) => request.url.startsWith('/api/')

function toProblem(error: FastifyError | Error): HttpProblem | undefined {
  if (error instanceof HttpProblem) return error
  if (error instanceof ConcurrentChangeError) return new HttpProblem('CONCURRENT_CHANGE')
  const e = error as FastifyError
  if (e.validation) return new HttpProblem('BAD_REQUEST', e.message)
  switch (e.statusCode) {
    case 400:
      return new HttpProblem('BAD_REQUEST')
    case 413:
      return new HttpProblem('PAYLOAD_TOO_LARGE')
    case 415:
      return new HttpProblem('UNSUPPORTED_MEDIA_TYPE')
    case 429:
      return new HttpProblem('RATE_LIMITED')
    case 403:
      // CSRF failures arrive as CSRF_INVALID already (plugins/csrf.ts); any other 403 is a plain refusal.
      return new HttpProblem('FORBIDDEN')
    case 404:
      return new HttpProblem('NOT_FOUND')
    default:
      return undefined
  }
}

/**
 * Turns every failure into a clear answer: problem+json for the API, a page for browsers, and a
 * generic 500 with the request id (no stack, no SQL, no paths) for bugs, which are logged.
 */
export function installErrorHandling(app: FastifyInstance, publicUrl: URL): void {
  const send = (request: FastifyRequest, reply: FastifyReply, problem: HttpProblem) => {
    if (problem.code === 'UNAUTHENTICATED' && !wantsJson(request) && request.method === 'GET') {
      return reply.redirect(`/login?next=${encodeURIComponent(safeRedirectTarget(request.url, publicUrl))}`, 303)
    }
    // A member the organization requires a second factor of is sent where they can enrol one (issue 13).
    if (problem.code === 'MFA_REQUIRED' && !wantsJson(request) && request.method === 'GET') {
      return reply.redirect('/account/security', 303)
    }
    const { title } = problems[problem.code]
    if (wantsJson(request)) {
      return reply
        .code(problem.status)
        .type('application/problem+json')
        .send({ type: `about:blank`, code: problem.code, title, status: problem.status, detail: problem.detail, ...problem.extra })
    }
    // An error page never repeats the address asked for (it may name what the visitor may not know exists).
    const ctx = pageContext(request, reply)
    const languages = ctx.languages && { ...ctx.languages, here: null }
    return reply.page(
      <ErrorPage ctx={{ ...ctx, languages }} title={problemTitle(ctx.t, problem.code)} detail={problem.detail} requestId={request.id} />,
      problem.status,
    )
  }

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error)
    if (problem) {
      if (problem.status === 403 || problem.status === 401) {
        request.log.info({ event: 'access.denied', code: problem.code, route: request.routeOptions.url }, 'access denied')
      }
      return send(request, reply, problem)
    }
    request.log.error({ err: error }, 'unexpected error')
    return send(request, reply, new HttpProblem('INTERNAL'))
  })

  app.setNotFoundHandler((request, reply) => send(request, reply, new HttpProblem('NOT_FOUND')))
}
