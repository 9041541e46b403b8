import path from 'node:path'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { VNode } from 'preact'
import { adminRoutes } from '../admin/routes.js'
import { authRoutes } from '../auth/routes.js'
import type { Deps } from '../deps.js'
import { intakeRoutes } from '../intake/routes.js'
import { mailRoutes } from '../mail/routes.js'
import { policyRoutes } from '../policy/routes.js'
import { portalRoutes } from '../portal/routes.js'
import { setupRoutes } from '../setup/routes.js'
import { newId } from '../storage/ids.js'
import { workspaceRoutes } from '../workspace/routes.js'
import { installErrorHandling } from './errors.js'
import { accessGuard } from './plugins/access-guard.js'
import { csrf } from './plugins/csrf.js'
import { identity } from './plugins/identity.js'
import { securityHeaders } from './plugins/security-headers.js'
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
export async function buildServer(deps: Deps): Promise<FastifyInstance> {
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
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  })

  await app.register(securityHeaders, { config: deps.config })
  await app.register(cookie, { hook: 'onRequest' })
  await app.register(formbody, { bodyLimit })
  await app.register(rateLimit, { global: false })

  app.decorateReply('page', function (this: import('fastify').FastifyReply, vnode: VNode, status = 200) {
    return this.code(status).type('text/html; charset=utf-8').send(renderPage(vnode))
  })

  await app.register(identity, { deps })
  await app.register(accessGuard, { deps })
  // After the guard, so its onRoute hook sees (and marks public) the static file routes.
  await app.register(fastifyStatic, { root: publicDir, prefix: '/static/', index: false, dotfiles: 'deny' })
  await app.register(csrf, { deps })
  installErrorHandling(app, deps)

  await app.register(setupRoutes, { deps })
  await app.register(authRoutes, { deps })
  await app.register(intakeRoutes, { deps })
  await app.register(portalRoutes, { deps })
  await app.register(workspaceRoutes, { deps })
  await app.register(adminRoutes, { deps })
  await app.register(policyRoutes, { deps })
  await app.register(mailRoutes, { deps })
  app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok' }))
  return app
}
