import path from 'node:path'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyPluginCallback } from 'fastify'
import type { VNode } from 'preact'
import type { Deps } from '../deps.js'
import { newId } from '../storage/ids.js'
import { installErrorHandling } from './errors.js'
import { flash } from './flash.js'
import { accessGuard } from './plugins/access-guard.js'
import { csrf } from './plugins/csrf.js'
import { language } from './plugins/language.js'
import { securityHeaders } from './plugins/security-headers.js'
import { HttpProblem } from './problems.js'
import { sharedRequestLimits } from './request-limits.js'
import './request-context.js'
import { renderPage } from './views/components/index.js'

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public')

/** Largest request body: a report of maximal field lengths in 4-byte characters fits, nothing much bigger. */
export const bodyLimit = 1024 * 1024

/**
 * Builds the whole HTTP application, in Fastify's load order: ecosystem plugins, our
 * cross-cutting plugins (identity, access guard, CSRF), then each feature in its own context.
 * `embargo serve` calls `listen()` on it; tests call `inject()`.
 */
/** What the composition root (src/app.ts) hands the server: who is asking, and the features' routes in order. */
export interface WebParts {
  /** Resolves the signed-in member and the reporter's capability from cookies (the auth feature). */
  identity: FastifyPluginAsync<{ deps: Deps }> | FastifyPluginCallback<{ deps: Deps }>
  features: FastifyPluginAsync<{ deps: Deps }>[]
}

export async function buildServer(deps: Deps, parts: WebParts): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    genReqId: () => newId(),
    trustProxy: deps.config.trustProxy,
    bodyLimit,
    // Slow clients are cut off instead of holding sockets forever (slowloris).
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 10_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // String lengths count code points here and in the domain checks alike (an emoji is one).
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  })

  refuseAmbiguousRequests(app)
  await app.register(securityHeaders, { config: deps.config })
  await app.register(cookie, { hook: 'onRequest' })
  await app.register(formbody, { bodyLimit })
  await app.register(flash, { deps })
  await app.register(rateLimit, {
    global: false,
    // PostgreSQL: several `web` processes may share the database (docs/operations.md, "Roles"), so
    // the counts live there too, or each process would give a client the whole limit again.
    // SQLite: one process by design (same section; docs/scaling.md), so its memory sees every
    // request already, and a write (a disk flush) per limited request would cost intake most of
    // the throughput its group commit buys. A store that fails lets the request through and logs
    // it (skipOnError): a flood control, not the security control (request-limits.ts says why).
    ...(deps.dialect === 'postgres' ? { store: sharedRequestLimits(deps), skipOnError: true } : {}),
  })

  app.decorateReply('page', function (this: import('fastify').FastifyReply, vnode: VNode, status = 200) {
    return this.code(status).type('text/html; charset=utf-8').send(renderPage(vnode))
  })

  await app.register(parts.identity, { deps })
  await app.register(accessGuard, { deps })
  // After the guard, so its onRoute hook sees (and marks public) the static file routes.
  await app.register(fastifyStatic, { root: publicDir, prefix: '/static/', index: false, dotfiles: 'deny' })
  await app.register(csrf, { deps })
  await app.register(language, { deps })
  installErrorHandling(app, deps.config.publicUrl)

  for (const feature of parts.features) await app.register(feature, { deps })
  return app
}

/**
 * Requests whose meaning parsers could disagree on are refused outright (ASVS v5.0.0-1.5.3,
 * 4.2.1): two Host headers (RFC 9112 §3.2 demands a 400), and JSON that is not valid UTF-8,
 * which Node would otherwise decode with U+FFFD replacements and store as something the
 * reporter never sent.
 */
function refuseAmbiguousRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const raw = request.raw.rawHeaders
    let hosts = 0
    for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === 'host') hosts++
    if (hosts > 1) throw new HttpProblem('BAD_REQUEST', 'The request has more than one Host header.')
  })
  const parseJson = app.getDefaultJsonParser('error', 'error')
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    let text: string
    try {
      text = utf8.decode(body as Buffer)
    } catch {
      done(new HttpProblem('BAD_REQUEST', 'The body is not valid UTF-8.'), undefined)
      return
    }
    parseJson(request, text, done)
  })
}
