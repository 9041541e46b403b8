/**
 * Renders the sample pages to static HTML next to a copy of the stylesheet, for a visual check:
 *   npx tsx test/unit/views/preview.tsx /tmp/embargo-preview
 * then screenshot them with headless Chromium (see docs/design-system.md). Not a test.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderPage } from '../../../src/http/views/components/index.js'
import { formPage, queuePage, reportPage } from './sample-pages.js'

const out = process.argv[2] ?? '/tmp/embargo-preview'
mkdirSync(join(out, 'static'), { recursive: true })
const root = new URL('../../../public/', import.meta.url)
copyFileSync(new URL('styles.css', root), join(out, 'static', 'styles.css'))
copyFileSync(new URL('favicon.svg', root), join(out, 'static', 'favicon.svg'))

for (const [name, page] of Object.entries({ queue: queuePage, report: reportPage, form: formPage })) {
  const html = renderPage(page()).replaceAll('href="/static/', 'href="static/')
  writeFileSync(join(out, `${name}.html`), html)
}
console.log(`wrote ${out}/{queue,report,form}.html`)
