import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps.js'
import { pageContext } from '../http/views/page-context.js'
import { listPrograms } from '../storage/repositories/organization-repository.js'
import { listMembers } from '../storage/repositories/user-repository.js'
import type { Role } from '../storage/schema.js'
import { addMember } from './add-member.js'
import { addProgram } from './add-program.js'
import { MembersPage, ProgramsPage } from './views.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
const strings = (body: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'))

/** Organization administration: members and programs. Administrators only. */
export async function adminRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const config = { access: 'org.admin' } as const
  const schema = { params: OrgParams }

  app.get<{ Querystring: { added?: string } }>('/w/:org/admin/members', { config, schema }, async (request, reply) => {
    const org = request.org!
    const members = await listMembers(deps.db, org.id)
    const page = (
      <MembersPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        members={members}
        values={{}}
        errors={{}}
        added={request.query.added === '1'}
      />
    )
    return reply.page(page)
  })

  app.post('/w/:org/admin/members', { config, schema }, async (request, reply) => {
    const org = request.org!
    const values = strings(request.body)
    const input = { email: values.email ?? '', name: values.name ?? '', password: values.password ?? '', role: (values.role ?? '') as Role }
    const result = await addMember(deps, org.id, input, request.user!.id)
    if (result.ok) return reply.redirect(`/w/${org.slug}/admin/members?added=1`, 303)
    const members = await listMembers(deps.db, org.id)
    const page = (
      <MembersPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        members={members}
        values={{ ...values, password: '' }}
        errors={result.error}
      />
    )
    return reply.page(page, 422)
  })

  app.get<{ Querystring: { added?: string } }>('/w/:org/admin/programs', { config, schema }, async (request, reply) => {
    const org = request.org!
    const programs = await listPrograms(deps.db, org.id)
    const page = (
      <ProgramsPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        programs={programs}
        values={{}}
        errors={{}}
        added={request.query.added === '1'}
      />
    )
    return reply.page(page)
  })

  app.post('/w/:org/admin/programs', { config, schema }, async (request, reply) => {
    const org = request.org!
    const values = strings(request.body)
    const input = {
      slug: values.slug ?? '',
      name: values.name ?? '',
      kind: values.kind ?? '',
      inScope: values.inScope !== 'no',
      description: values.description ?? '',
    }
    const result = await addProgram(deps, org.id, input, request.user!.id)
    if (result.ok) return reply.redirect(`/w/${org.slug}/admin/programs?added=1`, 303)
    const programs = await listPrograms(deps.db, org.id)
    const page = (
      <ProgramsPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        programs={programs}
        values={values}
        errors={result.error}
      />
    )
    return reply.page(page, 422)
  })
}
