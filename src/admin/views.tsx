import { invitationState } from '../accounts/index.js'
import {
  Alert,
  Button,
  Card,
  Cell,
  HiddenInput,
  PageHeader,
  RadioGroup,
  Select,
  Table,
  TextArea,
  TextInput,
  WorkspaceLayout,
} from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import { formatTime } from '../i18n/format-time.js'
import type { MessageKey } from '../i18n/messages.js'
import type { Member } from '../storage/repositories/user-repository.js'
import type { InvitationRow, ProgramRow, Role } from '../storage/schema.js'
import { roles } from './new-member.js'
import { programKinds } from './use-cases/add-program.js'

type Errors = Partial<Record<string, string>>
type Values = Partial<Record<string, string>>

const problem = (ctx: PageContext, errors: Errors, field: string) =>
  errors[field] ? ctx.t(`fieldProblem.${errors[field]}` as MessageKey) : undefined

interface AdminPageProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  values: Values
  errors: Errors
  added?: boolean
}

export function MembersPage({
  ctx,
  org,
  role,
  members,
  invitations,
  now,
  me,
  values,
  errors,
  added,
}: AdminPageProps & { members: Member[]; invitations: InvitationRow[]; now: Date; me: string }) {
  const { t } = ctx
  const base = `/w/${org.slug}/admin`
  const csrf = <HiddenInput name="_csrf" value={ctx.csrfToken} />
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="members" title={t('members.title')}>
      <div class="container stack">
        <PageHeader title={t('members.title')} />
        {added ? <Alert tone="success">{t('members.invited')}</Alert> : null}
        <Table head={[t('members.name'), t('members.email'), t('members.role'), t('members.actions')]}>
          {members.map((m) => (
            <tr key={m.userId}>
              <Cell rowHeader label={t('members.name')}>
                {m.name} {m.disabled ? <span class="text-muted">({t('members.disabled')})</span> : null}
              </Cell>
              <Cell label={t('members.email')}>{m.email}</Cell>
              <Cell label={t('members.role')}>{t(`role.${m.role}`)}</Cell>
              <Cell label={t('members.actions')}>
                <form method="post" action={`${base}/members/${m.userId}/role`} class="cluster">
                  {csrf}
                  {/* One per row: labelled by its aria-label, so no two controls share the id a Field gives. */}
                  <select class="input select" name="role" aria-label={`${t('members.role')}: ${m.name}`}>
                    {roles.map((r) => (
                      <option key={r} value={r} selected={r === m.role}>
                        {t(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                  <Button>{t('members.changeRole')}</Button>
                </form>
                <form method="post" action={`${base}/members/${m.userId}/remove`}>
                  {csrf}
                  <Button>{t('members.remove')}</Button>
                </form>
                {m.userId === me ? null : (
                  <form method="post" action={`${base}/members/${m.userId}/${m.disabled ? 'enable' : 'disable'}`}>
                    {csrf}
                    <Button>{t(m.disabled ? 'members.enable' : 'members.disable')}</Button>
                  </form>
                )}
              </Cell>
            </tr>
          ))}
        </Table>
        <Card title={t('members.invite')}>
          <p>{t('members.inviteHint')}</p>
          {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
          <form method="post" action={`${base}/members`} class="stack">
            {csrf}
            <TextInput
              name="email"
              type="email"
              label={t('members.email')}
              value={values.email}
              error={problem(ctx, errors, 'email')}
              required
            />
            <Select
              name="role"
              label={t('members.role')}
              value={values.role ?? 'responder'}
              error={problem(ctx, errors, 'role')}
              options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
            <Button variant="primary">{t('members.inviteSubmit')}</Button>
          </form>
        </Card>
        <Card title={t('members.invitations')}>
          {invitations.length === 0 ? (
            <p class="text-muted">{t('members.invitations.none')}</p>
          ) : (
            <Table
              head={[
                t('members.email'),
                t('members.role'),
                t('members.invitations.state'),
                t('members.invitations.expires'),
                t('members.actions'),
              ]}
            >
              {invitations.map((i) => {
                const state = invitationState(i, now)
                return (
                  <tr key={i.id}>
                    <Cell rowHeader label={t('members.email')}>
                      {i.email}
                    </Cell>
                    <Cell label={t('members.role')}>{t(`role.${i.role}`)}</Cell>
                    <Cell label={t('members.invitations.state')}>{t(`invitationState.${state}`)}</Cell>
                    <Cell label={t('members.invitations.expires')}>{formatTime(i.expires_at)}</Cell>
                    <Cell label={t('members.actions')}>
                      {state === 'pending' ? (
                        <form method="post" action={`${base}/invitations/${i.id}/revoke`}>
                          {csrf}
                          <Button>{t('members.invitations.revoke')}</Button>
                        </form>
                      ) : null}
                    </Cell>
                  </tr>
                )
              })}
            </Table>
          )}
        </Card>
      </div>
    </WorkspaceLayout>
  )
}

export function ProgramsPage({ ctx, org, role, programs, values, errors, added }: AdminPageProps & { programs: ProgramRow[] }) {
  const { t } = ctx
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="programs" title={t('programs.title')}>
      <div class="container stack">
        <PageHeader title={t('programs.title')} subtitle={t('programs.lead')} />
        {added ? <Alert tone="success">{t('programs.added')}</Alert> : null}
        {programs.length === 0 ? (
          <p class="text-muted">{t('programs.none')}</p>
        ) : (
          <Table head={[t('programs.name'), t('programs.kind'), t('programs.inScope')]}>
            {programs.map((p) => (
              <tr key={p.id}>
                <Cell rowHeader label={t('programs.name')}>
                  {p.name}
                </Cell>
                <Cell label={t('programs.kind')}>{t(`programKind.${p.kind}` as MessageKey)}</Cell>
                <Cell label={t('programs.inScope')}>{t(p.in_scope ? 'yes' : 'no')}</Cell>
              </tr>
            ))}
          </Table>
        )}
        <Card title={t('programs.add')}>
          {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
          <form method="post" action={`/w/${org.slug}/admin/programs`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput name="name" label={t('programs.name')} value={values.name} error={problem(ctx, errors, 'name')} required />
            <TextInput
              name="slug"
              label={t('programs.slug')}
              hint={t('setup.orgSlugHint')}
              value={values.slug}
              error={problem(ctx, errors, 'slug')}
              required
            />
            <Select
              name="kind"
              label={t('programs.kind')}
              value={values.kind ?? 'web-app'}
              error={problem(ctx, errors, 'kind')}
              options={programKinds.map((k) => ({ value: k, label: t(`programKind.${k}` as MessageKey) }))}
            />
            <RadioGroup
              name="inScope"
              legend={t('programs.inScope')}
              value={values.inScope ?? 'yes'}
              options={[
                { value: 'yes', label: t('yes') },
                { value: 'no', label: t('no') },
              ]}
            />
            <TextArea
              name="description"
              label={t('programs.description')}
              value={values.description}
              error={problem(ctx, errors, 'description')}
              rows={3}
              maxLength={2000}
            />
            <Button variant="primary">{t('programs.submit')}</Button>
          </form>
        </Card>
      </div>
    </WorkspaceLayout>
  )
}
