import type { PolicyProgram } from '../domain/policy/programs.js'
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
import type { MessageKey } from '../i18n/messages.js'
import type { Member } from '../storage/repositories/user-repository.js'
import type { ProgramRow, Role } from '../storage/schema.js'
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

export function MembersPage({ ctx, org, role, members, values, errors, added }: AdminPageProps & { members: Member[] }) {
  const { t } = ctx
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="members" title={t('members.title')}>
      <div class="container stack">
        <PageHeader title={t('members.title')} />
        {added ? <Alert tone="success">{t('members.added')}</Alert> : null}
        <Table head={[t('members.name'), t('members.email'), t('members.role')]}>
          {members.map((m) => (
            <tr key={m.userId}>
              <Cell rowHeader label={t('members.name')}>
                {m.name} {m.disabled ? <span class="text-muted">({t('members.disabled')})</span> : null}
              </Cell>
              <Cell label={t('members.email')}>{m.email}</Cell>
              <Cell label={t('members.role')}>{t(`role.${m.role}`)}</Cell>
            </tr>
          ))}
        </Table>
        <Card title={t('members.add')}>
          {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
          <form method="post" action={`/w/${org.slug}/admin/members`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput
              name="email"
              type="email"
              label={t('members.email')}
              value={values.email}
              error={problem(ctx, errors, 'email')}
              required
            />
            <TextInput
              name="name"
              label={t('members.name')}
              hint={t('members.nameHint')}
              value={values.name}
              error={problem(ctx, errors, 'name')}
            />
            <TextInput
              name="password"
              type="password"
              label={t('members.password')}
              hint={t('members.passwordHint')}
              error={problem(ctx, errors, 'password')}
              autocomplete="new-password"
            />
            <Select
              name="role"
              label={t('members.role')}
              value={values.role ?? 'responder'}
              error={problem(ctx, errors, 'role')}
              options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
            <Button variant="primary">{t('members.submit')}</Button>
          </form>
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
