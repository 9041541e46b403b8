/** docs/policy.md served by the instance, through the one Markdown component, so the editor can link to it. */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Layout, Markdown } from '../http/views/components/index.js'
import { renderMarkdown } from '../http/views/markdown.js'
import type { PageContext } from '../http/views/page-context.js'

/** `docs/policy.md` at the package root; the same from `src/policy-admin/` (tsx, vitest) and `dist/policy-admin/`. */
const docsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/policy.md')

let cached: string | undefined
export function policyDocsMarkdown(): string {
  cached ??= fs.readFileSync(docsFile, 'utf8')
  return cached
}

export function PolicyDocsPage({ ctx, markdown }: { ctx: PageContext; markdown: string }) {
  const { t } = ctx
  return (
    <Layout title={t('policy.docs.title')} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages}>
      <div class="container stack">
        <Markdown html={renderMarkdown(markdown)} />
      </div>
    </Layout>
  )
}
