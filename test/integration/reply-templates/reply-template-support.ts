/** An organization whose policy promises a detailed response and a resolution date, for the reply template scenarios. */
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import type { TestApp } from '../../support/app.js'

export const policyYaml = (org: OrganizationRow) =>
  [
    'version: 1',
    `organization: { name: ${org.name}, slug: ${org.slug} }`,
    'channels: { webForm: { enabled: true } }',
    'calendar: { timeZone: Europe/Vienna }',
    'programs: [{ slug: webshop, name: Web shop, kind: web-app, inScope: true }]',
    'clocks: { acknowledge: 2 business days, detailedResponse: 5 business days, resolution: 90 days, disclosure: 90 days }',
    'responses: { detailed: [evaluation, plan, expected-resolution-date] }',
  ].join('\n')

export async function orgWithDetailedResponse(t: TestApp, name = 'Acme'): Promise<OrganizationRow> {
  const org = await t.given.org({ name })
  const imported = await importPolicy(t.deps, org, policyYaml(org), 'policy.yaml', null)
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return org
}

/** The page's text as a person reads it (tags dropped, the usual entities decoded). */
export const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** What the reply box holds on a report page. */
export const replyBox = (html: string) => {
  const match = /<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)
  return match ? words(match[1] ?? '') : undefined
}
