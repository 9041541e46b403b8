import { Alert, Layout, Markdown, PageHeader } from '../http/views/components/index.js'
import { renderMarkdown } from '../http/views/markdown.js'
import type { PageContext } from '../http/views/page-context.js'

const day = (iso: string) => iso.slice(0, 10)

/** The public policy page: SECURITY.md rendered for people, with links to the machine-readable files. */
export function PublicPolicyPage(props: {
  ctx: PageContext
  org: { slug: string; name: string }
  version: { version: number; createdAt: string } | null
  markdown: string | null
}) {
  const { ctx, org, version, markdown } = props
  const { t } = ctx
  return (
    <Layout
      title={t('policy.public.title', { org: org.name })}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
      org={org}
    >
      <div class="container stack">
        <PageHeader title={t('policy.public.title', { org: org.name })} />
        {version && markdown !== null ? (
          <>
            <p class="text-muted">
              {t('policy.public.version', { version: version.version, date: day(version.createdAt) })} {t('policy.public.files')}{' '}
              <a href={`/o/${org.slug}/SECURITY.md`}>SECURITY.md</a> · <a href={`/o/${org.slug}/.well-known/security.txt`}>security.txt</a>
            </p>
            <Markdown html={renderMarkdown(markdown)} />
          </>
        ) : (
          <Alert tone="info">{t('policy.public.none', { org: org.name })}</Alert>
        )}
      </div>
    </Layout>
  )
}
