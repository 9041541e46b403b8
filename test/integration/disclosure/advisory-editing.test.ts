/**
 * Item 1 of issue 11: an advisory drafted from a report, edited through the forms (no JavaScript),
 * every change a revision with a diff, its text sealed at rest, its fields checked (CVE, CWE,
 * semver, purl), and need to know over its linked reports.
 */
import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { findAdvisory } from '../../../src/storage/repositories/advisory-repository.js'
import { claimReport } from '../../../src/workspace/use-cases/claim-report.js'
import { asMember, csrfFrom, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { reportViaApi } from '../policy/policy-support.js'
import { draftFor, orgWithAdvisories } from './disclosure-support.js'

const form = (fields: Record<string, string>) => ({
  title: 'Stored XSS in the profile page',
  summary: 'The bio is not escaped.',
  description: 'An attacker stores `<script>` in the **bio**.',
  workarounds: '',
  cwes: '',
  cvss31: '',
  cvss40: '',
  qualitative: '',
  cve: '',
  rows: '0',
  ...fields,
})

eachDialect('advisory drafting and editing', (ctx) => {
  const app = useTestApp(ctx)

  it('a responder drafts an advisory from the report page, fills it in, and the revisions page shows who changed what with a diff', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder', 'Alice Draft')
    const { ref, page } = await reportViaApi(t, org)
    const browser = t.browser()
    await browser.signIn(alice)

    const reportPage = await browser.get(page)
    expect(reportPage.body).toContain(`/w/${org.slug}/advisories/new?report=${ref}`)
    const created = await browser.submit(`/w/${org.slug}/advisories/new?report=${ref}`, `/w/${org.slug}/advisories`, {
      report: ref,
      title: 'Stored XSS in the profile page',
    })
    expect(created.statusCode).toBe(303)
    const editUrl = created.headers.location as string
    const ownId = /advisories\/([^/]+)\/edit$/.exec(editUrl)?.[1] ?? ''
    expect(ownId).toMatch(/-ADV-2026-0001$/)

    const saved = await browser.submit(
      editUrl,
      editUrl,
      form({
        cve: 'cve-2026-12345',
        cwes: 'CWE-79',
        qualitative: 'high',
        'affected-0-kind': 'package',
        'affected-0-ecosystem': 'npm',
        'affected-0-name': '@acme/profile',
        'affected-0-introduced': '1.0.0',
        'affected-0-fixed': '1.4.2',
        'affected-0-status': 'affected',
        'reference-0-kind': 'fix',
        'reference-0-url': 'https://github.com/acme/profile/commit/abc123',
        'credit-0-name': 'Grace Analyst',
        'credit-0-role': 'analyst',
      }),
    )
    expect(saved.statusCode).toBe(303)
    const view = await browser.get(`/w/${org.slug}/advisories/${ownId}`)
    expect(view.body).toContain('CVE-2026-12345')
    expect(view.body).toContain('pkg:npm/%40acme/profile')
    expect(view.body).toContain('<strong>bio</strong>')
    expect(view.body).not.toContain('<script>')
    expect(view.body).toContain('Grace Analyst')

    const revisions = await browser.get(`/w/${org.slug}/advisories/${ownId}/revisions`)
    expect(revisions.statusCode).toBe(200)
    expect(revisions.body).toContain('Alice Draft')
    expect(revisions.body).toContain('Drafted')
    expect(revisions.body).toContain('Edited')
    expect(revisions.body).toContain('affected products')
    const diff = await browser.get(`/w/${org.slug}/advisories/${ownId}/diff?from=1&to=2`)
    expect(diff.statusCode).toBe(200)
    expect(diff.body).toContain('+ CVE: CVE-2026-12345')
    expect(diff.body).toContain('- CVE: —')
    expect(diff.body).toContain('+ npm @acme/profile')

    // "Save and add rows" saves and shows more empty rows, without JavaScript.
    const more = await browser.submit(editUrl, editUrl, form({ summary: 'Changed.', more: 'rows' }))
    expect(more.statusCode).toBe(303)
    expect(more.headers.location).toBe(`${editUrl}?rows=2`)
    const bigger = await browser.get(more.headers.location as string)
    expect(bigger.body).toContain('name="affected-3-name"')
    expect(bigger.body).not.toContain('name="affected-4-name"')
  })

  it('the advisory text is sealed at rest, in the advisory and in every revision', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await reportViaApi(t, org)
    const ownId = await draftFor(t, org, ref, alice, 'Remote code execution in the uploader')
    const rows = await t.deps.db.selectFrom('advisory').selectAll().where('org_id', '=', org.id).execute()
    const revisions = await t.deps.db.selectFrom('advisory_revision').selectAll().where('org_id', '=', org.id).execute()
    expect(JSON.stringify([rows, revisions])).not.toContain('Remote code execution')
    expect((await findAdvisory(t.deps.db, cipherFor(t.deps, org), org.id, ownId))?.content.title).toBe(
      'Remote code execution in the uploader',
    )
  })

  it('a CVE id that is not CVE-YYYY-NNNN, a malformed CWE or a non-semver npm version is refused with the field named, and nothing is saved', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await reportViaApi(t, org)
    const ownId = await draftFor(t, org, ref, alice)
    const browser = t.browser()
    await browser.signIn(alice)
    const editUrl = `/w/${org.slug}/advisories/${ownId}/edit`
    const bads: Record<string, string>[] = [
      { cve: 'CVE-26-1' },
      { cwes: 'XSS' },
      { 'affected-0-kind': 'package', 'affected-0-ecosystem': 'npm', 'affected-0-name': 'left-pad', 'affected-0-fixed': 'soon' },
      { 'affected-0-kind': 'package', 'affected-0-ecosystem': 'NotAnEcosystem', 'affected-0-name': 'x' },
      { 'reference-0-kind': 'web', 'reference-0-url': 'javascript:alert(1)' },
    ]
    for (const bad of bads) {
      const res = await browser.submit(editUrl, editUrl, form(bad))
      expect(res.statusCode, JSON.stringify(bad)).toBe(422)
      expect(res.body).toContain('Some fields need attention')
    }
    const revisions = await t.deps.db.selectFrom('advisory_revision').select('seq').where('org_id', '=', org.id).execute()
    expect(revisions).toHaveLength(1)
  })

  it('a member who may not read a linked report (need to know) neither sees the advisory in the list nor opens it', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '', 'khulnasoft')
    const holder = await t.given.member(org, 'responder', 'Holder')
    const other = await t.given.member(org, 'responder', 'Other Responder')
    const viewer = await t.given.member(org, 'viewer', 'Viewer')
    const { ref } = await reportViaApi(t, org)
    expect((await claimReport(t.deps, org, ref, asMember(holder))).ok).toBe(true)
    const ownId = await draftFor(t, org, ref, holder, 'Secret 0-day title')

    const holderBrowser = t.browser()
    await holderBrowser.signIn(holder)
    expect((await holderBrowser.get(`/w/${org.slug}/advisories`)).body).toContain('Secret 0-day title')

    for (const member of [other, viewer]) {
      const browser = t.browser()
      await browser.signIn(member)
      const list = await browser.get(`/w/${org.slug}/advisories`)
      expect(list.statusCode).toBe(200)
      expect(list.body).not.toContain('Secret 0-day title')
      expect(list.body).not.toContain(ownId)
      for (const path of ['', '/revisions', '/diff?from=1&to=1']) {
        const res = await browser.get(`/w/${org.slug}/advisories/${ownId}${path}`)
        expect(res.statusCode, path).toBe(404)
        expect(res.body).not.toContain('Secret 0-day title')
      }
    }
    const browser = t.browser()
    await browser.signIn(other)
    const token = csrfFrom((await browser.get(`/w/${org.slug}/advisories`)).body)
    const edit = await browser.post(`/w/${org.slug}/advisories/${ownId}/submit`, { _csrf: token }, { 'sec-fetch-site': 'same-origin' })
    expect(edit.statusCode).toBe(404)
  })

  it('a viewer may read an advisory but not change it', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const viewer = await t.given.member(org, 'viewer')
    const { ref } = await reportViaApi(t, org)
    const ownId = await draftFor(t, org, ref, alice, 'Readable by viewers')
    const browser = t.browser()
    await browser.signIn(viewer)
    const page = await browser.get(`/w/${org.slug}/advisories/${ownId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Readable by viewers')
    expect(page.body).not.toContain('/submit"')
    const res = await browser.post(
      `/w/${org.slug}/advisories/${ownId}/submit`,
      { _csrf: csrfFrom(page.body) },
      { 'sec-fetch-site': 'same-origin' },
    )
    expect(res.statusCode).toBe(403)
  })
})
