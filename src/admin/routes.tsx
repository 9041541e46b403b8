import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { changeMemberRole, disableAccount, enableAccount, inviteMember, removeMember, revokeInvitation } from '../accounts/index.js'
import type { Deps } from '../deps.js'
import { policyPrograms } from '../domain/policy/programs.js'
import type { Result } from '../domain/result.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { type AppErrorCode, HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { listInvitations } from '../storage/repositories/invitation-repository.js'
import { listPrograms } from '../storage/repositories/organization-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { MembersPage, ProgramsPage } from './views.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
const AddedQuery = Type.Object({ added: Type.Optional(Type.String({ maxLength: 8 })) })
const MemberParams = Type.Object({ org: Type.String({ maxLength: 64 }), member: Type.String({ maxLength: 64 }) })
const InvitationParams = Type.Object({ org: Type.String({ maxLength: 64 }), invitation: Type.String({ maxLength: 64 }) })
const RoleForm = Form({ role: Form.choice(['admin', 'responder', 'viewer'] as const) })

// Outer bounds only: the use cases give the field-level messages (too long, invalid choice).
// An invitation, not a password: the invitee chooses their own (issue 13).
const MemberForm = Form({ email: Form.text(320), role: Form.text(32) })

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
  adminListPage<
    Static<typeof MemberForm>,
    {
      members: Awaited<ReturnType<typeof listMembers>>
      invitations: Awaited<ReturnType<typeof listInvitations>>
      timeZone: string | undefined
    }
  >(app, deps, {
    path: '/w/:org/admin/members',
    body: MemberForm,
    load: async (d, orgId) => ({
      members: await listMembers(d.db, orgId),
      invitations: await listInvitations(d.db, orgId),
      timeZone: await orgTimeZone(d.db, orgId),
    }),
    // The same answer whether or not the address has an account anywhere (no account enumeration).
    run: (d, org, f, actorId) => inviteMember(d, org, { email: f.email ?? '', role: f.role ?? '' }, actorId),
    keep: (f) => ({ email: f.email, role: f.role }),
    page: ({ request, reply, org, list, values, errors, added }) => (
      <MembersPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        members={list.members}
        invitations={list.invitations}
        timeZone={list.timeZone}
        now={deps.now()}
        me={request.user!.id}
        values={values}
        errors={errors}
        added={added}
      />
    ),
  })

  // Revocation (issue 13, item 4): each takes effect at the member's next request, in every session.
  const admin = { access: 'org.admin' } as const
  const back = (org: OrganizationRow) => `/w/${org.slug}/admin/members`
  const answer = (reply: FastifyReply, org: OrganizationRow, result: Result<unknown, { code: AppErrorCode }>) => {
    if (!result.ok) throw new HttpProblem(result.error.code)
    return reply.redirect(back(org), 303)
  }
  app.post<{ Params: Static<typeof MemberParams>; Body: Static<typeof RoleForm> }>(
    '/w/:org/admin/members/:member/role',
    { config: admin, schema: { params: MemberParams, body: RoleForm } },
    async (request, reply) =>
      answer(
        reply,
        request.org!,
        await changeMemberRole(deps, request.org!, request.params.member, request.body.role ?? '', request.user!.id),
      ),
  )
  app.post<{ Params: Static<typeof MemberParams> }>(
    '/w/:org/admin/members/:member/remove',
    { config: admin, schema: { params: MemberParams, body: EmptyForm } },
    async (request, reply) => answer(reply, request.org!, await removeMember(deps, request.org!, request.params.member, request.user!.id)),
  )
  app.post<{ Params: Static<typeof MemberParams> }>(
    '/w/:org/admin/members/:member/disable',
    { config: admin, schema: { params: MemberParams, body: EmptyForm } },
    async (request, reply) =>
      answer(reply, request.org!, await disableAccount(deps, request.org!, request.params.member, request.user!.id)),
  )
  app.post<{ Params: Static<typeof MemberParams> }>(
    '/w/:org/admin/members/:member/enable',
    { config: admin, schema: { params: MemberParams, body: EmptyForm } },
    async (request, reply) => answer(reply, request.org!, await enableAccount(deps, request.org!, request.params.member, request.user!.id)),
  )
  app.post<{ Params: Static<typeof InvitationParams> }>(
    '/w/:org/admin/invitations/:invitation/revoke',
    { config: admin, schema: { params: InvitationParams, body: EmptyForm } },
    async (request, reply) =>
      answer(reply, request.org!, await revokeInvitation(deps, request.org!, request.params.invitation, request.user!.id)),
  )
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
