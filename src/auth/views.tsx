import { Alert, Button, ButtonLink, Card, HiddenInput, Layout, PageHeader, TextInput } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'

export function LoginPage({
  ctx,
  email,
  next,
  problem,
  waitSeconds = 0,
  providers = [],
}: {
  ctx: PageContext
  email: string
  next: string
  /** Organizations whose members may sign in with their identity provider (src/sso). */
  providers?: Array<{ slug: string; name: string; display_name: string }>
  problem?: 'failed' | 'throttled' | 'second-step-expired' | 'second-step-used-up'
  /** With `throttled`: how long until this address may try this account again. */
  waitSeconds?: number
}) {
  const { t } = ctx
  const wait = waitSeconds < 120 ? t('login.wait.seconds', { n: waitSeconds }) : t('login.wait.minutes', { n: Math.ceil(waitSeconds / 60) })
  return (
    <Layout title={t('login.title')} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages}>
      <div class="container container--narrow stack">
        <PageHeader title={t('login.title')} />
        {problem ? (
          <Alert tone="danger">
            {problem === 'throttled'
              ? t('login.throttled', { wait })
              : problem === 'second-step-expired'
                ? t('secondStep.expired')
                : problem === 'second-step-used-up'
                  ? t('secondStep.usedUp')
                  : t('login.failed')}
          </Alert>
        ) : null}
        <Card>
          <form method="post" action="/login" class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <HiddenInput name="next" value={next} />
            <TextInput name="email" type="email" label={t('login.email')} value={email} autocomplete="username" required />
            <TextInput name="password" type="password" label={t('login.password')} autocomplete="current-password" required />
            <Button variant="primary">{t('login.submit')}</Button>
          </form>
          <p>
            <a href="/account/reset">{t('reset.forgot')}</a>
          </p>
        </Card>
        {providers.length > 0 ? (
          <Card title={t('login.sso')}>
            <ul class="stack">
              {providers.map((p) => (
                <li>
                  <ButtonLink href={`/o/${p.slug}/sso/start?next=${encodeURIComponent(next)}`}>
                    {t('login.ssoButton', { provider: p.display_name, org: p.name })}
                  </ButtonLink>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </Layout>
  )
}

export interface HomeData {
  memberships: Array<{ slug: string; name: string; role: string }>
  organizations: Array<{ slug: string; name: string }>
}

export function HomePage({ ctx, data }: { ctx: PageContext; data: HomeData }) {
  const { t } = ctx
  return (
    <Layout
      title={t('home.title')}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
      signInHref="/login"
    >
      <div class="container stack">
        <PageHeader title={t('home.title')} subtitle={t('home.lead')} />
        {ctx.user ? (
          <Card title={t('home.yourOrganizations')}>
            {data.memberships.length === 0 ? (
              <p>{t('home.noOrganizations')}</p>
            ) : (
              <ul class="link-list">
                {data.memberships.map((m) => (
                  <li key={m.slug}>
                    <a href={`/w/${m.slug}/reports`}>{m.name}</a>{' '}
                    <span class="text-muted">{t('home.role', { role: t(`role.${m.role}` as 'role.admin') })}</span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href="/account/security">{t('home.security')}</a>
            </p>
          </Card>
        ) : null}
        {data.organizations.length > 0 ? (
          <Card title={t('home.publicOrganizations')}>
            <ul class="link-list">
              {data.organizations.map((o) => (
                <li key={o.slug}>
                  <a href={`/o/${o.slug}`}>{o.name}</a>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {!ctx.user ? (
          <p>
            <ButtonLink href="/login" variant="secondary">
              {t('login.title')}
            </ButtonLink>
          </p>
        ) : null}
      </div>
    </Layout>
  )
}
