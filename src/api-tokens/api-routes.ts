import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifySchema } from 'fastify'
import type { Deps } from '../deps.js'
import { reportStatuses } from '../domain/report/report.js'
import { HttpProblem } from '../http/problems.js'
import {
  changeReportStatus,
  channelChoices,
  dueChoices,
  listQueueFor,
  loadReportForTeam,
  parseQueueQuery,
  postMessage,
  recordReportRead,
  severityChoices,
} from '../workspace/index.js'
import { openApiDocument } from './openapi.js'
import { recordTokenUse } from './use-cases/record-token-use.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64, description: 'The organization’s slug' }) })
const ReportParams = Type.Object({
  org: Type.String({ maxLength: 64, description: 'The organization’s slug' }),
  ref: Type.String({ maxLength: 40, description: 'The report’s reference, e.g. ACME-2026-0001' }),
})
type ReportParams = Static<typeof ReportParams>
const QueueQuery = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 32, description: '`open` (default), `all`, or one status' })),
  assignee: Type.Optional(
    Type.String({
      maxLength: 64,
      pattern: '^[A-Za-z0-9_-]+$',
      description: '`anyone` (default), `me`, `none` (unassigned), or a member’s id',
    }),
  ),
  sort: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('oldest'), Type.Literal('due')])),
  after: Type.Optional(Type.String({ maxLength: 1000, description: 'The `next` cursor of the previous page' })),
  severity: Type.Optional(
    Type.Union(
      [...severityChoices, 'any'].map((s) => Type.Literal(s)),
      { description: 'A severity, `none` (not assessed yet) or `any`' },
    ),
  ),
  program: Type.Optional(Type.String({ maxLength: 64, description: 'A program’s slug' })),
  label: Type.Optional(Type.String({ maxLength: 64, description: 'A label of the policy' })),
  channel: Type.Optional(
    Type.Union(
      [...channelChoices, 'any'].map((s) => Type.Literal(s)),
      { description: 'How the report came in' },
    ),
  ),
  due: Type.Optional(
    Type.Union(
      [...dueChoices, 'any'].map((s) => Type.Literal(s)),
      { description: '`overdue`, `week` (falls due within 7 days), `on-time`, `paused`' },
    ),
  ),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'A reference, words of the title and text, or a reporter’s address (searched through the blind index)',
    }),
  ),
})
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])
const Assignee = Type.Union([Type.Object({ id: Type.String(), name: Nullable(Type.String()) }), Type.Null()])
const ReportSummary = Type.Object({
  ref: Type.String(),
  /** Null when the need-to-know rule keeps the title from this member. */
  title: Nullable(Type.String()),
  status: Type.String(),
  due: Nullable(Type.String({ format: 'date-time' })),
  assignee: Assignee,
  /** Null when not assessed yet, or when the need-to-know rule keeps it from this member. */
  severity: Nullable(Type.String()),
})
const QueuePage = Type.Object(
  { reports: Type.Array(ReportSummary), next: Nullable(Type.String()) },
  { description: 'One page of the queue (50 reports), as the member may see it' },
)
const ThreadMessage = Type.Object({
  id: Type.String(),
  author: Type.Union([Type.Literal('reporter'), Type.Literal('responder'), Type.Literal('system')]),
  authorId: Nullable(Type.String()),
  visibility: Type.Union([Type.Literal('reporter'), Type.Literal('internal')]),
  body: Type.String({ description: 'Markdown written by the author: hostile input, render it as untrusted text' }),
  at: Type.String({ format: 'date-time' }),
})
const Report = Type.Object(
  {
    ref: Type.String(),
    title: Nullable(Type.String()),
    status: Type.String(),
    readable: Type.Boolean({ description: 'False: the need-to-know rule withholds the text, fields and thread' }),
    receivedAt: Type.String({ format: 'date-time' }),
    assignee: Assignee,
    fields: Type.Union([
      Type.Object({ description: Type.String(), steps: Type.String(), impact: Type.String(), affectedVersion: Type.String() }),
      Type.Null(),
    ]),
    thread: Type.Array(ThreadMessage),
  },
  { description: 'One report with its thread (reading it is recorded in the audit log)' },
)
const StatusBody = Type.Object(
  {
    to: Type.Union(reportStatuses.map((s) => Type.Literal(s))),
    reason: Type.Optional(Type.String({ maxLength: 10_000 })),
    duplicateOf: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
const ReplyBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 50_000 }),
    visibility: Type.Union([Type.Literal('reporter'), Type.Literal('internal')], {
      description: '`reporter`: a reply; `internal`: a note',
    }),
  },
  { additionalProperties: false },
)
const Done = Type.Object({ ref: Type.String(), status: Type.String() }, { description: 'The report after the change' })

/** Route schemas carry an OpenAPI summary beside the JSON Schemas fastify validates with. */
const documented = (summary: string, schema: FastifySchema): FastifySchema => ({ ...schema, summary }) as FastifySchema

/**
 * The team's JSON API (issue 13, item 6): the queue, one report with its thread, a status change
 * and a reply, for the holder of an API token, through the workspace's own use cases. Every
 * request a token authenticates is recorded before the handler runs.
 */
export async function apiRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.addHook('preHandler', async (request) => {
    if (request.apiToken && request.org) {
      await recordTokenUse(deps, request.org, request.apiToken, request.method, request.routeOptions.url ?? request.url)
    }
  })
  const viewer = (request: { apiToken: { userId: string } | null; role: unknown }) => ({
    userId: request.apiToken!.userId,
    role: request.role as NonNullable<typeof request.role> & ('admin' | 'responder' | 'viewer'),
  })

  app.get<{ Querystring: Static<typeof QueueQuery> }>(
    '/api/v1/orgs/:org/reports',
    {
      config: { access: 'api.read' },
      schema: documented('The queue', { params: OrgParams, querystring: QueueQuery, response: { 200: QueuePage } }),
    },
    async (request) => {
      const org = request.org!
      const who = viewer(request)
      const page = await listQueueFor(deps, org, parseQueueQuery(request.query), who)
      return {
        reports: page.rows.map((r) => ({
          ref: r.ref,
          title: r.title,
          status: r.status,
          due: r.nextDueAt,
          assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName } : null,
          severity: r.severity?.level ?? null,
        })),
        next: page.next ?? null,
      }
    },
  )

  app.get<{ Params: ReportParams }>(
    '/api/v1/orgs/:org/reports/:ref',
    {
      config: { access: 'api.read' },
      schema: documented('One report with its thread', { params: ReportParams, response: { 200: Report } }),
    },
    async (request) => {
      const org = request.org!
      const who = viewer(request)
      const view = await loadReportForTeam(deps, org, request.params.ref, who)
      if (!view) throw new HttpProblem('NOT_FOUND')
      if (view.readable) await recordReportRead(deps, org, view.report.id, who.userId, { via: 'api', tokenId: request.apiToken!.id })
      const assignee = view.report.assigneeId
        ? { id: view.report.assigneeId, name: view.members.find((m) => m.userId === view.report.assigneeId)?.name ?? null }
        : null
      return {
        ref: view.report.ref,
        title: view.readable ? view.report.title : null,
        status: view.report.status,
        readable: view.readable,
        receivedAt: view.report.receivedAt,
        assignee,
        fields: view.readable ? view.report.fields : null,
        thread: view.messages.map((m) => ({
          id: m.id,
          author: m.authorKind,
          authorId: m.authorUserId,
          visibility: m.visibility,
          body: m.body,
          at: m.createdAt,
        })),
      }
    },
  )

  app.post<{ Params: ReportParams; Body: Static<typeof StatusBody> }>(
    '/api/v1/orgs/:org/reports/:ref/status',
    {
      config: { access: 'api.work' },
      schema: documented('Move a report to another status', { params: ReportParams, body: StatusBody, response: { 200: Done } }),
    },
    async (request) => {
      const org = request.org!
      const result = await changeReportStatus(deps, org, request.params.ref, {
        to: request.body.to,
        reason: request.body.reason ?? '',
        duplicateOfRef: request.body.duplicateOf || undefined,
        member: viewer(request),
      })
      if (!result.ok) throw new HttpProblem(result.error.code)
      return { ref: request.params.ref, status: request.body.to }
    },
  )

  app.post<{ Params: ReportParams; Body: Static<typeof ReplyBody> }>(
    '/api/v1/orgs/:org/reports/:ref/replies',
    {
      config: { access: 'api.work' },
      schema: documented('Reply to the reporter, or add an internal note', {
        params: ReportParams,
        body: ReplyBody,
        response: { 201: Done },
      }),
    },
    async (request, reply) => {
      const org = request.org!
      const result = await postMessage(deps, org, request.params.ref, {
        member: viewer(request),
        body: request.body.body,
        visibility: request.body.visibility,
      })
      if (!result.ok) throw new HttpProblem(result.error.code)
      return reply.code(201).send({ ref: request.params.ref, status: result.value.report.status })
    },
  )

  app.get(
    '/api/v1/openapi.json',
    { config: { access: 'public' }, schema: documented('This document (OpenAPI 3.1)', {}) },
    async (_request, reply) =>
      reply.header('cache-control', 'no-cache').send(openApiDocument(app.registeredRoutes, new URL('/', deps.config.publicUrl).href)),
  )
}
