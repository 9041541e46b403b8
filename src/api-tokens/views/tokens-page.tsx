import {
  Alert,
  Button,
  Card,
  Cell,
  EmptyState,
  HiddenInput,
  PageHeader,
  RadioGroup,
  SecretBox,
  Select,
  Table,
  TeamTime,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { ApiTokenRow, Role } from '../../storage/schema.js'
import { tokenLifetimes } from '../use-cases/create-api-token.js'

export interface TokensPageProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  tokens: Omit<ApiTokenRow, 'token_hash'>[]
  now: string
  /** The organization's zone (its policy's calendar); UTC without one. */
  timeZone?: string | undefined
  /** The secret of the token just created: on this answer only, never stored. */
  created?: string | undefined
  error?: 'name' | 'scope' | undefined
  values?: { name?: string | undefined; scope?: string | undefined; days?: string | undefined }
}

/** A member's API tokens in one organization: create (the secret shown once), see when each was used, revoke. */
export function TokensPage({ ctx, org, role, tokens, now, timeZone, created, error, values = {} }: TokensPageProps) {
  const { t } = ctx
  const base = `/w/${org.slug}/tokens`
  const state = (tk: TokensPageProps['tokens'][number]) =>
    tk.revoked_at ? t('tokens.state.revoked') : tk.expires_at <= now ? t('tokens.state.expired') : t('tokens.state.active')
  const scopes = role === 'viewer' ? (['read'] as const) : (['read', 'work'] as const)
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="tokens" title={t('tokens.title')}>
      <div class="container stack">
        <PageHeader title={t('tokens.title')} />
        <p>{t('tokens.intro')}</p>
        <p>
          <a href="/api/v1/openapi.json">{t('tokens.docs')}</a>
        </p>
        {created ? (
          <SecretBox label={t('tokens.created')} value={created}>
            {t('tokens.created.note')}
          </SecretBox>
        ) : null}
        {tokens.length === 0 ? (
          <EmptyState title={t('tokens.none')} />
        ) : (
          <Table
            head={[
              t('tokens.column.name'),
              t('tokens.column.scope'),
              t('tokens.column.created'),
              t('tokens.column.expires'),
              t('tokens.column.lastUsed'),
              t('tokens.column.state'),
              '',
            ]}
          >
            {tokens.map((tk) => (
              <tr key={tk.id}>
                <Cell rowHeader label={t('tokens.column.name')}>
                  {tk.name}
                </Cell>
                <Cell label={t('tokens.column.scope')}>{t(tk.scope === 'work' ? 'tokens.scope.work' : 'tokens.scope.read')}</Cell>
                <Cell label={t('tokens.column.created')}>
                  <TeamTime iso={tk.created_at} zone={timeZone} t={t} now={ctx.now} />
                </Cell>
                <Cell label={t('tokens.column.expires')}>
                  <TeamTime iso={tk.expires_at} zone={timeZone} t={t} now={ctx.now} />
                </Cell>
                <Cell label={t('tokens.column.lastUsed')}>
                  {tk.last_used_at ? <TeamTime iso={tk.last_used_at} zone={timeZone} t={t} now={ctx.now} /> : t('tokens.never')}
                </Cell>
                <Cell label={t('tokens.column.state')}>{state(tk)}</Cell>
                <Cell label="">
                  {!tk.revoked_at && tk.expires_at > now ? (
                    <form method="post" action={`${base}/${tk.id}/revoke`}>
                      <HiddenInput name="_csrf" value={ctx.csrfToken} />
                      <Button variant="danger">{`${t('tokens.revoke')} ${tk.name}`}</Button>
                    </form>
                  ) : null}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        <Card title={t('tokens.new')}>
          {error ? <Alert tone="danger">{t(error === 'name' ? 'tokens.error.name' : 'tokens.error.scope')}</Alert> : null}
          <form method="post" action={base} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput
              name="name"
              label={t('tokens.name')}
              hint={t('tokens.name.hint')}
              value={values.name ?? ''}
              maxLength={100}
              required
              t={t}
            />
            <RadioGroup
              name="scope"
              legend={t('tokens.scope')}
              value={values.scope ?? 'read'}
              options={scopes.map((s) => ({ value: s, label: t(s === 'work' ? 'tokens.scope.work' : 'tokens.scope.read') }))}
            />
            <Select
              name="days"
              label={t('tokens.days')}
              value={values.days ?? '30'}
              options={tokenLifetimes.map((d) => ({ value: d, label: t('tokens.days.option', { days: d }) }))}
            />
            <div>
              <Button variant="primary">{t('tokens.create')}</Button>
            </div>
          </form>
        </Card>
      </div>
    </WorkspaceLayout>
  )
}
