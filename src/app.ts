import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { accountRoutes } from './accounts/index.js'
import { mfaRoutes } from './accounts/mfa/index.js'
import { adminRoutes } from './admin/index.js'
import { announcementRoutes } from './announcements/index.js'
import { apiTokenRoutes } from './api-tokens/index.js'
import { auditRoutes } from './audit/index.js'
import { authRoutes, identity } from './auth/index.js'
import type { Config } from './config.js'
import type { Deps } from './deps.js'
import { disclosureRoutes, publicAdvisoryRoutes } from './disclosure/index.js'
import { loggerOptions } from './http/logging.js'
import { buildServer } from './http/server.js'
import { intakeRoutes } from './intake/index.js'
import { mailRoutes } from './mail/index.js'
import { notificationRoutes, unreadCount } from './notifications/index.js'
import { opsRoutesWith, type ProcessChecks } from './ops/index.js'
import { partnerRoutes } from './partners/index.js'
import { policyRoutes } from './policy/index.js'
import { policyAdminRoutes } from './policy-admin/index.js'
import { escalationRoutes, portalRoutes } from './portal/index.js'
import { recognitionRoutes } from './recognition/index.js'
import { regulationRoutes } from './regulation/index.js'
import { replyTemplateRoutes } from './reply-templates/index.js'
import { reportPublicationRoutes } from './report-publication/index.js'
import { setupRoutes } from './setup/index.js'
import { ssoRoutes } from './sso/index.js'
import { Keyring } from './storage/cipher.js'
import { migrate, openDatabase } from './storage/db.js'
import { loadMasterKey } from './storage/master-key.js'
import { WriteQueue } from './storage/write-queue.js'
import { workspaceRoutes } from './workspace/index.js'

export interface App {
  deps: Deps
  close(): Promise<void>
}

/**
 * Opens everything a process needs: the master key, the durable database (migrated), the logger.
 * Prints a warning when it had to create the master key, since losing it loses every report.
 */
export async function openApp(config: Config, options: { now?: () => Date; logDestination?: NodeJS.WritableStream } = {}): Promise<App> {
  const log = options.logDestination ? pino(loggerOptions(config), options.logDestination) : pino(loggerOptions(config))
  const masterKey = loadMasterKey(config)
  if (masterKey.generatedFile) {
    log.warn(
      { file: masterKey.generatedFile },
      'generated a new master key: back this file up apart from the database; without it no report can be read',
    )
  }
  const database = await openDatabase(config.databaseUrl)
  const keyring = new Keyring(masterKey.key)
  try {
    const applied = await migrate(database.db, keyring)
    if (applied.length > 0) log.info({ migrations: applied }, 'database migrated')
  } catch (error) {
    await database.close()
    throw error
  }
  const deps: Deps = {
    db: database.db,
    writes: new WriteQueue(database),
    dialect: database.dialect,
    keyring,
    config,
    now: options.now ?? (() => new Date()),
    log,
  }
  return { deps, close: () => database.close() }
}

export interface WebOptions {
  /** `ops`: only `/healthz`, `/readyz` and `/metrics` (the worker and mail roles of `embargo serve`). Default: everything. */
  routes?: 'all' | 'ops'
  /** What else `/readyz` checks: the parts this process's role runs (see `src/cli/serve.ts`). */
  processChecks?: ProcessChecks
}

/**
 * The web application: the server with every feature's routes, in the order they register.
 * This file is the composition root: it alone knows every feature; features know each other
 * only through their front doors (index.ts).
 */
export function buildWeb(deps: Deps, options: WebOptions = {}): Promise<FastifyInstance> {
  const opsRoutes = opsRoutesWith(options.processChecks ?? (() => ({})))
  if (options.routes === 'ops') return buildServer(deps, { identity, features: [opsRoutes] })
  return buildServer(deps, {
    identity,
    features: [
      // First: counts the member's unread notifications for every workspace page's navigation.
      unreadCount,
      setupRoutes,
      authRoutes,
      intakeRoutes,
      portalRoutes,
      workspaceRoutes,
      adminRoutes,
      policyRoutes,
      policyAdminRoutes,
      escalationRoutes,
      mailRoutes,
      recognitionRoutes,
      accountRoutes,
      disclosureRoutes,
      publicAdvisoryRoutes,
      mfaRoutes,
      auditRoutes,
      apiTokenRoutes,
      ssoRoutes,
      announcementRoutes,
      partnerRoutes,
      reportPublicationRoutes,
      regulationRoutes,
      replyTemplateRoutes,
      opsRoutes,
      notificationRoutes,
    ],
  })
}
