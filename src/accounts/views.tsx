import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Cell,
  HiddenInput,
  Layout,
  PageHeader,
  Table,
  TeamTime,
  TextInput,
} from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { deviceName } from './device.js'
import type { InvitationLink } from './invitation-link.js'

type Errors = Partial<Record<string, string>>
const problem = (ctx: PageContext, errors: Errors, field: string) =>
  errors[field] ? ctx.t(`fieldProblem.${errors[field]}` as MessageKey) : undefined
const waitText = (ctx: PageContext, seconds: number) =>
  seconds < 120 ? ctx.t('login.wait.seconds', { n: seconds }) : ctx.t('login.wait.minutes', { n: Math.ceil(seconds / 60) })

function Page({ ctx, title, children }: { ctx: PageContext; title: string; children: preact.ComponentChildren }) {
  return (
    <Layout
      title={title}
      t={ctx.t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
      signInHref="/login"
    >
      <div class="container container--narrow stack">
        <PageHeader title={title} />
        {children}
      </div>
    </Layout>
  )
}

function NewPasswordFields({ ctx, errors }: { ctx: PageContext; errors: Errors }) {
  const { t } = ctx
  return (
    <>
      <TextInput
        name="password"
        type="password"
        label={t('account.newPassword')}
        hint={t('account.newPasswordHint')}
        error={problem(ctx, errors, 'password')}
        autocomplete="new-password"
        required
      />
      <TextInput
        name="confirm"
        type="password"
        label={t('account.confirm')}
        error={problem(ctx, errors, 'confirm')}
        autocomplete="new-password"
        required
      />
    </>
  )
}

export function AccountPage({ ctx, errors = {}, waitSeconds }: { ctx: PageContext; errors?: Errors; waitSeconds?: number }) {
  const { t } = ctx
  return (
    <Page ctx={ctx} title={t('account.title')}>
      {waitSeconds ? <Alert tone="danger">{t('account.throttled', { wait: waitText(ctx, waitSeconds) })}</Alert> : null}
      <p>
        <a href="/account/sessions">{t('account.sessionsLink')}</a>
      </p>
      <Card title={t('account.changePassword')}>
        {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
        <form method="post" action="/account/password" class="stack">
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <TextInput
            name="current"
            type="password"
            label={t('account.current')}
            error={problem(ctx, errors, 'current')}
            autocomplete="current-password"
            required
          />
          <NewPasswordFields ctx={ctx} errors={errors} />
          <Button variant="primary">{t('account.save')}</Button>
        </form>
      </Card>
    </Page>
  )
}

export interface SessionItem {
  id: string
  created_at: string
  last_seen_at: string
  user_agent?: string | null
  client_address?: string | null
}

export function SessionsPage({
  ctx,
  sessions,
  currentId,
  timeZone,
}: {
  ctx: PageContext
  sessions: SessionItem[]
  currentId: string
  /** The zone of the person's organizations (src/storage/time-zone.ts); UTC without one. */
  timeZone?: string | undefined
}) {
  const { t } = ctx
  const withAddresses = sessions.some((s) => s.client_address)
  return (
    <Page ctx={ctx} title={t('sessions.title')}>
      <p>{t('sessions.lead')}</p>
      <Table
        head={[
          t('sessions.device'),
          t('sessions.started'),
          t('sessions.lastSeen'),
          ...(withAddresses ? [t('sessions.address')] : []),
          t('members.actions'),
        ]}
      >
        {sessions.map((s) => (
          <tr key={s.id}>
            <Cell rowHeader label={t('sessions.device')}>
              {deviceName(s.user_agent) ?? t('sessions.unknownDevice')}{' '}
              {s.id === currentId ? <span class="text-muted">({t('sessions.current')})</span> : null}
            </Cell>
            <Cell label={t('sessions.started')}>
              <TeamTime iso={s.created_at} zone={timeZone} t={t} now={ctx.now} />
            </Cell>
            <Cell label={t('sessions.lastSeen')}>
              <TeamTime iso={s.last_seen_at} zone={timeZone} t={t} now={ctx.now} />
            </Cell>
            {withAddresses ? <Cell label={t('sessions.address')}>{s.client_address ?? '—'}</Cell> : null}
            <Cell label={t('members.actions')}>
              <form method="post" action={`/account/sessions/${s.id}/end`}>
                <HiddenInput name="_csrf" value={ctx.csrfToken} />
                <Button>{t('sessions.end')}</Button>
              </form>
            </Cell>
          </tr>
        ))}
      </Table>
    </Page>
  )
}

export function ResetRequestPage({ ctx, waitSeconds }: { ctx: PageContext; waitSeconds?: number }) {
  const { t } = ctx
  return (
    <Page ctx={ctx} title={t('reset.title')}>
      {waitSeconds ? <Alert tone="danger">{t('reset.throttled', { wait: waitText(ctx, waitSeconds) })}</Alert> : null}
      <Card>
        <p>{t('reset.lead')}</p>
        <form method="post" action="/account/reset" class="stack">
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <TextInput name="email" type="email" label={t('reset.email')} autocomplete="username" required />
          <Button variant="primary">{t('reset.submit')}</Button>
        </form>
      </Card>
    </Page>
  )
}

export function ResetPage({ ctx, token, valid, errors = {} }: { ctx: PageContext; token: string; valid: boolean; errors?: Errors }) {
  const { t } = ctx
  return (
    <Page ctx={ctx} title={t('reset.title')}>
      {!valid ? (
        <Alert tone="danger">
          {t('reset.invalid')} <a href="/account/reset">{t('reset.submit')}</a>
        </Alert>
      ) : (
        <Card>
          <p>{t('reset.choose')}</p>
          <form method="post" action={`/account/reset/${token}`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <NewPasswordFields ctx={ctx} errors={errors} />
            <Button variant="primary">{t('reset.save')}</Button>
          </form>
        </Card>
      )}
    </Page>
  )
}

export function InvitationPage({
  ctx,
  token,
  link,
  errors = {},
  values = {},
}: {
  ctx: PageContext
  token: string
  link: InvitationLink
  errors?: Errors
  values?: Record<string, string | undefined>
}) {
  const { t } = ctx
  if (link.kind === 'invalid')
    return (
      <Page ctx={ctx} title={t('invite.title')}>
        <Alert tone="danger">{t('invite.invalid')}</Alert>
      </Page>
    )
  const org = link.org.name
  const action = `/invite/${token}`
  return (
    <Page ctx={ctx} title={t('invite.title')}>
      <p>{t('invite.lead', { org, role: t(`role.${link.invitation.role}`) })}</p>
      {link.kind === 'new-account' ? (
        <Card>
          <p>{t('invite.newAccount', { email: link.invitation.email })}</p>
          {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
          <form method="post" action={action} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput
              name="name"
              label={t('invite.name')}
              value={values.name}
              error={problem(ctx, errors, 'name')}
              autocomplete="name"
              required
            />
            <NewPasswordFields ctx={ctx} errors={errors} />
            <Button variant="primary">{t('invite.create')}</Button>
          </form>
        </Card>
      ) : link.kind === 'sign-in' ? (
        <Card>
          <p>{t('invite.signIn')}</p>
          <ButtonLink href={`/login?next=${encodeURIComponent(action)}`} variant="primary">
            {t('invite.signInButton')}
          </ButtonLink>
        </Card>
      ) : link.kind === 'accept' ? (
        <form method="post" action={action} class="stack">
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <Button variant="primary">{t('invite.accept', { org })}</Button>
        </form>
      ) : (
        <Alert tone="warning">{t('invite.otherAccount')}</Alert>
      )}
    </Page>
  )
}
