import { invitationState } from '../accounts/index.js'
import type { PolicyProgram } from '../domain/policy/programs.js'
import {
  Alert,
  Button,
  Card,
  Cell,
  HiddenInput,
  PageHeader,
  Select,
  Table,
  TeamTime,
  TextInput,
  WorkspaceLayout,
} from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import type { Member } from '../storage/repositories/user-repository.js'
import type { InvitationRow, ProgramRow, Role } from '../storage/schema.js'
import { roles } from './new-member.js'

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
  timeZone,
  now,
  me,
  values,
  errors,
  added,
}: AdminPageProps & {
  members: Member[]
  invitations: InvitationRow[]
  /** The organization's zone (its policy's calendar); UTC without one. */
  timeZone?: string | undefined
  now: Date
  me: string
}) {
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
                    <Cell label={t('members.invitations.expires')}>
                      <TeamTime iso={i.expires_at} zone={timeZone} t={t} now={ctx.now} />
                    </Cell>
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

/** The policy's programs, read-only: programs are edited in the policy. Rows from the old admin page are listed with what to move. */
export function ProgramsPage({
  ctx,
  org,
  role,
  programs,
  legacy,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  programs: PolicyProgram[]
  /** Programs added on the old admin page that the policy does not list: reports filed under them keep them. */
  legacy: ProgramRow[]
}) {
  const { t } = ctx
  const head = [t('programs.name'), t('programs.kind'), t('programs.inScope'), t('programs.fields')]
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="programs" title={t('programs.title')}>
      <div class="container stack">
        <PageHeader title={t('programs.title')} subtitle={t('programs.lead')} />
        <Alert tone="info">
          {t('programs.fromPolicy')} <a href={`/w/${org.slug}/admin/policy`}>{t('programs.editPolicy')}</a>
        </Alert>
        {programs.length === 0 ? (
          <p class="text-muted">{t('programs.none')}</p>
        ) : (
          <Table head={head}>
            {programs.map((p) => (
              <tr key={p.slug} data-program={p.slug}>
                <Cell rowHeader label={head[0]}>
                  {p.name} <span class="text-muted">({p.slug})</span>
                </Cell>
                <Cell label={head[1]}>{t(`programKind.${p.kind}` as MessageKey)}</Cell>
                <Cell label={head[2]}>{t(p.inScope ? 'yes' : 'no')}</Cell>
                <Cell label={head[3]}>
                  {p.fields.length === 0
                    ? '—'
                    : p.fields.map((f) => (f.required ? f.label : t('report.field.optional', { label: f.label }))).join('; ')}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        {legacy.length > 0 ? (
          <Card title={t('programs.legacy')}>
            <div class="stack">
              <p>{t('programs.legacyLead')}</p>
              <pre>
                {`programs:\n${legacy
                  .map(
                    (p) =>
                      `  - slug: ${p.slug}\n    name: ${JSON.stringify(p.name)}\n    kind: ${p.kind}\n    inScope: ${p.in_scope ? 'true' : 'false'}`,
                  )
                  .join('\n')}`}
              </pre>
            </div>
          </Card>
        ) : null}
      </div>
    </WorkspaceLayout>
  )
}
