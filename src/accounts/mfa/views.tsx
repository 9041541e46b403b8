import type { ComponentChildren } from 'preact'
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  HiddenInput,
  Layout,
  PageHeader,
  SecretBox,
  TextInput,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTime } from '../../i18n/format-time.js'
import { QrCode } from './qr-code.js'
import type { SecurityOverview } from './security-overview.js'

/** What the security page confirms after a change (the flash's text: `security.done.<notice>`). */
export type SecurityNotice = 'totp-added' | 'totp-removed' | 'passkey-added' | 'passkey-removed'

function Page({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Layout title={title} t={ctx.t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages}>
      <div class="container container--narrow stack">{children}</div>
    </Layout>
  )
}

/** A form that asks for the password again before it removes or replaces something. */
function ConfirmedForm({ ctx, action, label }: { ctx: PageContext; action: string; label: string }) {
  return (
    <form method="post" action={action} class="stack">
      <HiddenInput name="_csrf" value={ctx.csrfToken} />
      <TextInput name="password" type="password" label={ctx.t('security.password')} autocomplete="current-password" required />
      <Button variant="danger">{label}</Button>
    </form>
  )
}

export function SecurityPage({ ctx, data }: { ctx: PageContext; data: SecurityOverview }) {
  const { t } = ctx
  return (
    <Page ctx={ctx} title={t('security.title')}>
      <PageHeader title={t('security.title')} subtitle={t('security.lead')} />
      {data.requiring.length > 0 && !data.mfaVerified ? (
        <Alert tone="warning">{t('security.required', { orgs: data.requiring.join(', ') })}</Alert>
      ) : null}
      {data.hasFactor && !data.mfaVerified ? <Alert tone="info">{t('security.reSignIn')}</Alert> : null}
      <Card title={t('security.totp.title')}>
        {data.totp ? (
          <div class="stack">
            <p>{t('security.totp.on')}</p>
            <ConfirmedForm ctx={ctx} action="/account/security/totp/remove" label={t('security.totp.remove')} />
          </div>
        ) : (
          <form method="post" action="/account/security/totp/start" class="stack">
            <p>{t('security.totp.off')}</p>
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <Button variant="primary">{t('security.totp.start')}</Button>
          </form>
        )}
      </Card>
      <Card title={t('security.passkeys.title')}>
        <div class="stack">
          {data.passkeys.length === 0 ? <p>{t('security.passkeys.none')}</p> : null}
          {data.passkeys.map((p) => (
            <div key={p.id} class="stack">
              <p>
                <strong>{p.name}</strong>{' '}
                <span class="text-muted">{t('security.passkeys.added', { date: formatTime(p.createdAt, data.timeZone, t.locale) })}</span>
              </p>
              <ConfirmedForm
                ctx={ctx}
                action={`/account/security/passkeys/${encodeURIComponent(p.id)}/remove`}
                label={`${t('security.passkeys.remove')}: ${p.name}`}
              />
            </div>
          ))}
          <p>
            <ButtonLink href="/account/security/passkeys/new">{t('security.passkeys.add')}</ButtonLink>
          </p>
        </div>
      </Card>
      <Card title={t('security.recovery.title')}>
        <div class="stack">
          <p>{data.recoveryCodes > 0 ? t('security.recovery.count', { n: data.recoveryCodes }) : t('security.recovery.none')}</p>
          {data.hasFactor ? (
            <ConfirmedForm ctx={ctx} action="/account/security/recovery-codes" label={t('security.recovery.regenerate')} />
          ) : null}
        </div>
      </Card>
    </Page>
  )
}

export function TotpSetupPage({ ctx, uri, secret, wrong }: { ctx: PageContext; uri: string; secret: string; wrong?: boolean }) {
  const { t } = ctx
  return (
    <Page ctx={ctx} title={t('totpSetup.title')}>
      <PageHeader title={t('totpSetup.title')} subtitle={t('totpSetup.scan')} />
      {wrong ? <Alert tone="danger">{t('totpSetup.wrong')}</Alert> : null}
      <Card>
        <div class="stack">
          <QrCode text={uri} label={t('totpSetup.qrLabel')} />
          <SecretBox label={t('totpSetup.key')} value={secret.replace(/(.{4})(?=.)/g, '$1 ')} />
          <form method="post" action="/account/security/totp/confirm" class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput name="code" label={t('totpSetup.code')} autocomplete="one-time-code" maxLength={16} required />
            <Button variant="primary">{t('totpSetup.confirm')}</Button>
          </form>
        </div>
      </Card>
    </Page>
  )
}

export function PasskeySetupPage({ ctx, options, failed }: { ctx: PageContext; options: string; failed?: boolean }) {
  const { t } = ctx
  return (
    <Page ctx={ctx} title={t('passkeySetup.title')}>
      <PageHeader title={t('passkeySetup.title')} subtitle={t('passkeySetup.lead')} />
      {failed ? <Alert tone="danger">{t('passkeySetup.failed')}</Alert> : null}
      <Card>
        <form method="post" action="/account/security/passkeys" class="stack" data-webauthn="create" data-options={options}>
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <HiddenInput name="response" value="" />
          <TextInput name="name" label={t('passkeySetup.name')} maxLength={100} value="" />
          <p class="text-muted" data-webauthn-note>
            {t('passkey.needsJavaScript')}
          </p>
          <p class="text-danger" data-webauthn-failed hidden>
            {t('passkey.failed')}
          </p>
          <Button variant="primary">{t('passkeySetup.submit')}</Button>
        </form>
      </Card>
      <p>
        <ButtonLink href="/account/security" variant="ghost">
          {t('recoveryCodes.back')}
        </ButtonLink>
      </p>
      <script src="/static/passkey.js" defer />
    </Page>
  )
}

export function RecoveryCodesPage({ ctx, codes }: { ctx: PageContext; codes: string[] | null }) {
  const { t } = ctx
  return (
    <Page ctx={ctx} title={t('recoveryCodes.title')}>
      <PageHeader title={t('recoveryCodes.title')} />
      {codes ? (
        <div class="secret-box">
          <p class="secret-box__label">{t('recoveryCodes.label')}</p>
          <ol class="recovery-codes">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
          <div class="secret-box__note">{t('recoveryCodes.note')}</div>
        </div>
      ) : (
        <Alert tone="info">{t('recoveryCodes.gone')}</Alert>
      )}
      <p>
        <ButtonLink href="/account/security" variant="primary">
          {t('recoveryCodes.back')}
        </ButtonLink>
      </p>
    </Page>
  )
}
