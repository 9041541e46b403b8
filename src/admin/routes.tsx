import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import type { Deps } from '../deps.js'
import { policyPrograms } from '../domain/policy/programs.js'
import type { Result } from '../domain/result.js'
import { Form } from '../http/form-body.js'
import { pageContext } from '../http/views/page-context.js'
import { listPrograms } from '../storage/repositories/organization-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import type { OrganizationRow, Role } from '../storage/schema.js'
import { addMember } from './use-cases/add-member.js'
import { MembersPage, ProgramsPage } from './views.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
const AddedQuery = Type.Object({ added: Type.Optional(Type.String({ maxLength: 8 })) })

// Outer bounds only: the use cases give the field-level messages (too long, invalid choice).
const MemberForm = Form({ email: Form.text(320), name: Form.text(1000), password: Form.text(4096), role: Form.text(32) })

type Values = Partial<Record<string, string>>
type Errors = Partial<Record<string, string>>

/**
 * One shape for every admin list page: GET shows the list with an empty form; POST runs the use
 * case, answers 303 back to the list on success, or shows the form again with its problems (422).
 */
interface AdminListPage<F extends Record<string, string | undefined>, L> {
  path: string
  body: ReturnType<typeof Form>
  load: (deps: Deps, orgId: string) => Promise<L>
  run: (deps: Deps, org: OrganizationRow, form: F, actorId: string) => Promise<Result<unknown, Errors>>
  /** What the form shows again after a refusal (never a password). */
  keep: (form: F) => Values
  page: (props: {
    request: FastifyRequest
    reply: FastifyReply
    org: OrganizationRow
    list: L
    values: Values
    errors: Errors
    added?: boolean
  }) => VNode
}

function adminListPage<F extends Record<string, string | undefined>, L>(app: FastifyInstance, deps: Deps, p: AdminListPage<F, L>): void {
  const config = { access: 'org.admin' } as const
  app.get<{ Querystring: Static<typeof AddedQuery> }>(
    p.path,
    { config, schema: { params: OrgParams, querystring: AddedQuery } },
    async (request, reply) => {
      const org = request.org!
      const list = await p.load(deps, org.id)
      return reply.page(p.page({ request, reply, org, list, values: {}, errors: {}, added: request.query.added === '1' }))
    },
  )
  app.post<{ Body: F }>(p.path, { config, schema: { params: OrgParams, body: p.body } }, async (request, reply) => {
    const org = request.org!
    const form = request.body as F
    const result = await p.run(deps, org, form, request.user!.id)
    if (result.ok) return reply.redirect(`${p.path.replace(':org', org.slug)}?added=1`, 303)
    const list = await p.load(deps, org.id)
    return reply.page(p.page({ request, reply, org, list, values: p.keep(form), errors: result.error }), 422)
  })
}

/** Organization administration: members, and the policy's programs (read-only). Administrators only. */
export async function adminRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  adminListPage<Static<typeof MemberForm>, Awaited<ReturnType<typeof listMembers>>>(app, deps, {
    path: '/w/:org/admin/members',
    body: MemberForm,
    load: (d, orgId) => listMembers(d.db, orgId),
    run: (d, org, f, actorId) =>
      addMember(d, org.id, { email: f.email ?? '', name: f.name ?? '', password: f.password ?? '', role: (f.role ?? '') as Role }, actorId),
    keep: (f) => ({ email: f.email, name: f.name, role: f.role, password: '' }),
    page: ({ request, reply, org, list, values, errors, added }) => (
      <MembersPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        members={list}
        values={values}
        errors={errors}
        added={added}
      />
    ),
  })
  // Programs are defined by the policy (issue 10): read-only here, edited in the policy editor.
  app.get('/w/:org/admin/programs', { config: { access: 'org.admin' }, schema: { params: OrgParams } }, async (request, reply) => {
    const org = request.org!
    const programs = policyPrograms((await currentPolicy(deps.db, org.id))?.policy)
    const legacy = (await listPrograms(deps.db, org.id)).filter(
      (p) => p.origin === 'admin-page' && !programs.some((q) => q.slug === p.slug),
    )
    return reply.page(<ProgramsPage ctx={pageContext(request, reply)} org={org} role={request.role!} programs={programs} legacy={legacy} />)
  })
}
