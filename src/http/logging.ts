import { type LoggerOptions, stdTimeFunctions } from 'pino'
import type { Config } from '../config.js'

/** Paths whose last segment is a secret (follow-up capability, setup token, invitation, password reset, partner notice): never logged. */
const secretPaths = /^\/(f|setup|invite|account\/reset|partner-notice)\/[^/?#]+/

/** Whether an address carries a secret in its path: such an address is never repeated in a page or a log. */
export const isSecretPath = (url: string): boolean => secretPaths.test(url)

/** A request's path as it may appear in a log line: secrets cut out, query string dropped. */
export function loggablePath(url: string): string {
  const path = url.split('?')[0] ?? ''
  return path.replace(secretPaths, '/$1/[secret]').replace(/[\r\n]/g, '')
}

/**
 * Structured logs that carry ids, never content (ASVS v5.0.0-16.2.5, 16.4.1): no query strings,
 * no capability tokens, no cookies, no reporter IP addresses or user agents (SecureDrop and
 * Hush Line keep no reporter metadata, and neither do we).
 */
export function loggerOptions(config: Config): LoggerOptions {
  return {
    level: config.logLevel,
    timestamp: stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers', '*.password', '*.email', '*.title', '*.body'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: loggablePath(req.url), id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }
}
