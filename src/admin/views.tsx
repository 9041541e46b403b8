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
