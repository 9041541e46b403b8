import { Alert, Button, ButtonLink, Card, HiddenInput, Layout, PageHeader, TextInput } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'

export type SecondStepProblem = 'wrong' | 'throttled'

/**
 * The second step of signing in: whichever of the person's factors they have. The code forms work
 * without JavaScript; the passkey form needs the browser's WebAuthn API, through /static/passkey.js.
 */
export function SecondStepPage({
  ctx,
  choices,
  problem,
}: {
  ctx: PageContext
  choices: { totp: boolean; recoveryCodes: boolean; passkeyOptions: string | null }
  problem?: SecondStepProblem
}) {
  const { t } = ctx
  return (
    <Layout title={t('secondStep.title')} t={t} user={null} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages}>
      <div class="container container--narrow stack">
        <PageHeader title={t('secondStep.title')} subtitle={t('secondStep.lead')} />
        {problem ? <Alert tone="danger">{problem === 'wrong' ? t('secondStep.wrong') : t('secondStep.throttled')}</Alert> : null}
        {choices.totp ? (
          <Card title={t('secondStep.totp.title')}>
            <form method="post" action="/login/second-step" class="stack">
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <HiddenInput name="method" value="totp" />
              <TextInput name="code" label={t('secondStep.totp.code')} autocomplete="one-time-code" maxLength={16} required />
              <Button variant="primary">{t('secondStep.totp.submit')}</Button>
            </form>
          </Card>
        ) : null}
        {choices.passkeyOptions ? (
          <Card title={t('secondStep.passkey.title')}>
            <form method="post" action="/login/second-step" class="stack" data-webauthn="get" data-options={choices.passkeyOptions}>
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <HiddenInput name="method" value="passkey" />
              <HiddenInput name="response" value="" />
              <p class="text-muted" data-webauthn-note>
                {t('passkey.needsJavaScript')}
              </p>
              <p class="text-danger" data-webauthn-failed hidden>
                {t('passkey.failed')}
              </p>
              <Button variant={choices.totp ? 'secondary' : 'primary'}>{t('secondStep.passkey.submit')}</Button>
            </form>
          </Card>
        ) : null}
        {choices.recoveryCodes ? (
          <Card title={t('secondStep.recovery.title')}>
            <form method="post" action="/login/second-step" class="stack">
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <HiddenInput name="method" value="recovery" />
              <TextInput name="code" label={t('secondStep.recovery.code')} autocomplete="off" maxLength={64} required />
              <Button>{t('secondStep.recovery.submit')}</Button>
            </form>
          </Card>
        ) : null}
        <p>
          <ButtonLink href="/login" variant="ghost">
            {t('secondStep.cancel')}
          </ButtonLink>
        </p>
        {choices.passkeyOptions ? <script src="/static/passkey.js" defer /> : null}
      </div>
    </Layout>
  )
}
