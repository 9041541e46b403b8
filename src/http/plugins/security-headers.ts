import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config.js'

/**
 * Headers every response carries (ASVS v5.0.0-3.4.x): a CSP that allows no inline script or style
 * and nothing from other origins, no referrer at all (follow-up links carry a secret in the path),
 * no framing, and `no-store` on everything that is not a static asset (v5.0.0-14.3.2).
 */
export const securityHeaders = fp<{ config: Config }>(async (app: FastifyInstance, { config }) => {
  const https = config.publicUrl.protocol === 'https:'
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/static/')) reply.header('cache-control', 'no-store')
    return payload
  })
})
