import { Alert, Button, Card, HiddenInput, Layout, PageHeader, TextInput } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import type { SetupErrors, SetupInput } from './use-cases/complete-setup.js'

export function SetupPage({
  ctx,
  token,
  values,
  errors,
}: {
  ctx: PageContext
  token: string
  values: Partial<SetupInput>
  errors: SetupErrors
}) {
  const { t } = ctx
  const err = (field: keyof SetupInput) => (errors[field] ? t(`fieldProblem.${errors[field]}` as MessageKey) : undefined)
  return (
    <Layout title={t('setup.title')} t={t} user={null}>
      <div class="container container--narrow stack">
        <PageHeader title={t('setup.title')} subtitle={t('setup.lead')} />
        {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
        <form method="post" action={`/setup/${token}`} class="stack">
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <Card title={t('setup.you')}>
            <div class="stack">
              <TextInput name="name" label={t('setup.name')} value={values.name} error={err('name')} required autocomplete="name" />
              <TextInput
                name="email"
                type="email"
                label={t('setup.email')}
                value={values.email}
                error={err('email')}
                required
                autocomplete="username"
              />
              <TextInput
                name="password"
                type="password"
                label={t('setup.password')}
                hint={t('setup.passwordHint')}
                error={err('password')}
                required
                autocomplete="new-password"
              />
            </div>
          </Card>
          <Card title={t('setup.organization')}>
            <div class="stack">
              <TextInput name="orgName" label={t('setup.orgName')} value={values.orgName} error={err('orgName')} required />
              <TextInput
                name="orgSlug"
                label={t('setup.orgSlug')}
                hint={t('setup.orgSlugHint')}
                value={values.orgSlug}
                error={err('orgSlug')}
                required
              />
            </div>
          </Card>
          <Button variant="primary">{t('setup.submit')}</Button>
        </form>
      </div>
    </Layout>
  )
}
