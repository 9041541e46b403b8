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
    if (!unsafe.has(request.method) || isApi(request)) return done()
    if (request.headers['sec-fetch-site'] === 'cross-site') return done(new HttpProblem('CSRF_INVALID'))
    app.csrfProtection(request, reply, (error?: Error) => done(error ? new HttpProblem('CSRF_INVALID') : undefined))
  })
})

/** A token for the forms of the page being rendered. */
export const csrfToken = (request: FastifyRequest, reply: FastifyReply): string =>
  reply.generateCsrf({ userInfo: request.user?.sessionId ?? 'anonymous' })
