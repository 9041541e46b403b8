import { Alert, ButtonLink, Layout } from './components/index.js'
import type { PageContext } from './page-context.js'

export function ErrorPage({
  ctx,
  title,
  detail,
  requestId,
}: {
  ctx: PageContext
  title: string
  detail?: string | undefined
  requestId: string
}) {
  const { t } = ctx
  return (
    <Layout title={title} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages}>
      <div class="container container--narrow stack">
        <h1>{title}</h1>
        {detail ? <p>{detail}</p> : null}
        <Alert tone="info">{t('error.requestId', { id: requestId })}</Alert>
        <p>
          <ButtonLink href="/" variant="secondary">
            {t('error.home')}
          </ButtonLink>
        </p>
      </div>
    </Layout>
  )
}
