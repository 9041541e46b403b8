import csrfProtection from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Deps } from '../../deps.js'
import { cookieNames, cookieOptions } from '../cookies.js'
import { HttpProblem } from '../problems.js'

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The JSON API takes no cookies, so it needs no CSRF token; every form does. */
const isApi = (request: FastifyRequest) => request.url.startsWith('/api/')

/**
 * CSRF defence for every form (ASVS v5.0.0-3.5.1): a synchronizer token bound to the session,
 * whose secret lives in an HttpOnly cookie, checked on every unsafe method; plus a refusal of
 * anything the browser itself labels as cross-site (`Sec-Fetch-Site`, v5.0.0-3.5.8).
 */
export const csrf = fp<{ deps: Deps }>(async (app: FastifyInstance, { deps }) => {
  await app.register(csrfProtection, {
    cookieKey: cookieNames(deps.config).csrf,
    cookieOpts: cookieOptions(deps.config),
    getUserInfo: (request: FastifyRequest) => request.user?.sessionId ?? 'anonymous',
    csrfOpts: { hmacKey: deps.keyring.derive('csrf') },
  })

  app.addHook('preValidation', (request, reply, done) => {
    // A multipart form's token is inside its body, which the form's own context reads after this
    // hook: http/multipart-form.ts checks it there, with this same check. Only contexts that
    // registered it parse multipart at all (elsewhere Fastify answers 415 before this hook).
    if (isMultipartRequest(request)) {
      done()
      return
    }
    checkCsrf(app, request, reply, done)
  })
})

/** The check itself, for every unsafe request of a form: the browser's own cross-site label, then the token. */
export function checkCsrf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void {
  if (!unsafe.has(request.method) || isApi(request)) {
    done()
    return
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    done(new HttpProblem('CSRF_INVALID'))
    return
  }
  app.csrfProtection(request, reply, (error?: Error) => done(error ? new HttpProblem('CSRF_INVALID') : undefined))
}

/** True for a multipart body in a context that parses multipart (http/multipart-form.ts). */
export const isMultipartRequest = (request: FastifyRequest): boolean =>
  typeof (request as { isMultipart?: unknown }).isMultipart === 'function' &&
  (request as unknown as { isMultipart(): boolean }).isMultipart()

/** A token for the forms of the page being rendered. */
export const csrfToken = (request: FastifyRequest, reply: FastifyReply): string =>
  reply.generateCsrf({ userInfo: request.user?.sessionId ?? 'anonymous' })
