import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Deps } from '../deps.js'
import { cookieNames } from '../http/cookies.js'
import { linkIssuedAfter } from '../portal/index.js'
import { hashSecret } from '../storage/ids.js'
import { findReportAccess } from '../storage/repositories/reporter-repository.js'
import { resumeSession } from './sessions.js'

/**
 * Works out who is asking, once per request: a signed-in team member (session cookie) and/or a
 * reporter holding a follow-up capability (follow-up cookie). Deciding what they may do is the
 * access guard's job.
 */
export const identity = fp<{ deps: Deps }>(async (app: FastifyInstance, { deps }) => {
  const names = cookieNames(deps.config)
  app.decorateRequest('user', null)
  app.decorateRequest('org', null)
  app.decorateRequest('role', null)
  app.decorateRequest('reportAccess', null)

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/static/')) return
    const sessionToken = request.cookies[names.session]
    if (sessionToken) request.user = await resumeSession(deps, sessionToken)
    const followUpToken = request.cookies[names.followUp]
    if (followUpToken) {
      const found = await findReportAccess(deps.db, hashSecret(followUpToken), linkIssuedAfter(deps))
      request.reportAccess = found ? { orgId: found.org_id, reportId: found.report_id } : null
    }
  })
})
