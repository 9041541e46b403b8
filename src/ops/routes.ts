import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import type { Deps } from '../deps.js'
import { createMetrics } from './metrics.js'
import { checkReadiness, type ProcessChecks } from './use-cases/check-readiness.js'

/**
 * Operations: `/healthz` (the process answers; no I/O), `/readyz` (it can serve: database,
 * schema, master key, and what its role runs — `processChecks`, from `embargo serve`) and
 * `/metrics` for Prometheus behind its own token (docs/operations.md).
 * Registered without encapsulation (fastify-plugin) so that its request counter sees every route.
 */
const routes =
  (processChecks: ProcessChecks): FastifyPluginAsync<{ deps: Deps }> =>
  async (app: FastifyInstance, { deps }) => {
    const metrics = createMetrics(deps)
    app.addHook('onClose', async () => metrics.close())
    app.addHook('onResponse', async (request, reply) => {
      // The pattern, never the URL: no reference, token or follow-up secret ends up in a label.
      const route = request.routeOptions.url ?? 'unmatched'
      metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000)
    })

    app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ status: 'ok' }),
    )

    app.get('/readyz', { config: { access: 'public' } }, async (_request, reply) => {
      const readiness = await checkReadiness(deps, processChecks)
      return reply
        .code(readiness.ready ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status: readiness.ready ? 'ready' : 'not ready', role: deps.config.role, checks: readiness.checks })
    })

    app.get('/metrics', { config: { access: 'metrics' } }, async (_request, reply) => {
      const text = await metrics.registry.metrics()
      return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(text)
    })
  }

/** The ops routes of a process whose role runs more than the web (`embargo serve`: the SMTP listener, the job loops). */
export const opsRoutesWith = (processChecks: ProcessChecks) => fp(routes(processChecks), { name: 'ops' })

/** The ops routes with the database, schema and key checks only. */
export const opsRoutes = opsRoutesWith(() => ({}))
