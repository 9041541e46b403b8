import { Button, Card, HiddenInput, PageHeader, RadioGroup, TextArea, TextInput, WorkspaceLayout } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import type { Role } from '../storage/schema.js'
import type { SsoField } from './use-cases/configure-sso.js'

/** What the form shows: the stored settings (never the secret) or what the administrator typed. */
export interface SsoFormValues {
  displayName: string
  issuer: string
  clientId: string
  domains: string
  jitRole: '' | 'viewer' | 'responder'
  trustProviderMfa: boolean
  enabled: boolean
  secretStored: boolean
}

export function SsoAdminPage({
  ctx,
  org,
  role,
  callback,
  values,
  errors = {},
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  callback: string
  values: SsoFormValues
  errors?: Partial<Record<SsoField, string>>
}) {
  const { t } = ctx
  const problem = (field: SsoField) => (errors[field] ? t(`sso.fieldProblem.${errors[field]}` as MessageKey) : undefined)
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="sso" title={t('ssoAdmin.title')}>
      <div class="container stack">
        <PageHeader title={t('ssoAdmin.title')} />
        <p>
          {t('ssoAdmin.lead')} <code>{callback}</code>
        </p>
        <Card>
          <form method="post" action={`/w/${org.slug}/admin/sso`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput
              name="displayName"
              label={t('ssoAdmin.displayName')}
              value={values.displayName}
              error={problem('displayName')}
              required
            />
            <TextInput
              name="issuer"
              type="url"
              label={t('ssoAdmin.issuer')}
              hint={t('ssoAdmin.issuerHint')}
              value={values.issuer}
              error={problem('issuer')}
              required
            />
            <TextInput name="clientId" label={t('ssoAdmin.clientId')} value={values.clientId} error={problem('clientId')} required />
            <TextInput
              name="clientSecret"
              type="password"
              label={t('ssoAdmin.clientSecret')}
              hint={values.secretStored ? t('ssoAdmin.clientSecretHint') : undefined}
              error={problem('clientSecret')}
              autocomplete="off"
              required={!values.secretStored}
            />
            <TextArea
              name="domains"
              label={t('ssoAdmin.domains')}
              hint={t('ssoAdmin.domainsHint')}
              value={values.domains}
              error={problem('domains')}
            />
            <RadioGroup
              name="jitRole"
              legend={t('ssoAdmin.jit')}
              value={values.jitRole}
              options={[
                { value: '', label: t('ssoAdmin.jit.none') },
                { value: 'viewer', label: t('ssoAdmin.jit.viewer') },
                { value: 'responder', label: t('ssoAdmin.jit.responder') },
              ]}
            />
            <RadioGroup
              name="trustProviderMfa"
              legend={t('ssoAdmin.mfa')}
              value={values.trustProviderMfa ? 'yes' : 'no'}
              options={[
                { value: 'yes', label: t('ssoAdmin.mfa.trust') },
                { value: 'no', label: t('ssoAdmin.mfa.ignore') },
              ]}
            />
            <RadioGroup
              name="enabled"
              legend={t('ssoAdmin.enabled')}
              value={values.enabled ? 'yes' : 'no'}
              options={[
                { value: 'yes', label: t('ssoAdmin.enabled.yes') },
                { value: 'no', label: t('ssoAdmin.enabled.no') },
              ]}
            />
            <Button variant="primary">{t('ssoAdmin.save')}</Button>
          </form>
        </Card>
      </div>
    </WorkspaceLayout>
  )
}
