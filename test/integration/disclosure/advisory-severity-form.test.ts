/**
 * Issue 11: the advisory form edits severity as CVSS metrics and the weakness by the CWE picker,
 * without JavaScript: "Score" shows the score and saves nothing, "Search" lists weaknesses to
 * pick, a bad choice comes back with a clear message and everything typed, and a qualitative-only
 * policy shows its levels and no calculator.
 */
import { expect, it } from 'vitest'
import { csrfFrom, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { draftFor, fixedReport, orgWithAdvisories } from './disclosure-support.js'

const critical40 = {
  cvss40_AV: 'N',
  cvss40_AC: 'L',
  cvss40_AT: 'N',
  cvss40_PR: 'N',
  cvss40_UI: 'N',
  cvss40_VC: 'H',
  cvss40_VI: 'H',
  cvss40_VA: 'H',
  cvss40_SC: 'N',
  cvss40_SI: 'N',
  cvss40_SA: 'N',
}

const form = (fields: Record<string, string>) => ({
  title: 'SQL injection in the appointment search',
  summary: 'Typed words reach the query.',
  description: '',
  workarounds: '',
  cve: '',
  rows: '0',
  ...fields,
})

eachDialect('advisory severity and weakness form', (ctx) => {
  const app = useTestApp(ctx)

  async function editing(policyExtra = '') {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    if (policyExtra) {
      const { importPolicy } = await import('../../../src/policy-admin/use-cases/import-policy.js')
      const { readPreset } = await import('../../../src/policy-admin/presets.js')
      const file = readPreset('alkemio')!
      const imported = await importPolicy(t.deps, org, `${file.source.trimEnd()}\n${policyExtra}`, file.fileName, null)
      if (!imported.ok) throw new Error(JSON.stringify(imported.error))
    }
    const alice = await t.given.member(org, 'responder', 'Alice Author')
    const { ref } = await fixedReport(t, org, alice)
    const ownId = await draftFor(t, org, ref, alice)
    const browser = t.browser()
    await browser.signIn(alice)
    const editUrl = `/w/${org.slug}/advisories/${ownId}/edit`
    const page = await browser.get(editUrl)
    const csrf = csrfFrom(page.body)
    const post = (fields: Record<string, string>) =>
      browser.post(editUrl, { _csrf: csrf, ...form(fields) }, { 'sec-fetch-site': 'same-origin' })
    return { t, org, ownId, browser, editUrl, page, post }
  }

  it('"Score" shows the score of the chosen metrics and saves nothing; saving stores the vector and the page shows score and level', async () => {
    const { t, org, ownId, browser, page, post } = await editing()
    expect(page.body).toContain('data-cvss-version="4.0"')
    expect(page.body).toContain('data-cvss-version="3.1"')
    const scored = await post({ ...critical40, intent: 'score' })
    expect(scored.statusCode).toBe(200)
    expect(scored.body).toContain('CVSS 4.0: 9.3 (Critical)')
    expect(scored.body).toContain('Typed words reach the query.')
    expect(scored.body).toMatch(/name="cvss40_VC" value="H" checked/)
    const revisions = await t.deps.db.selectFrom('advisory_revision').select('seq').where('org_id', '=', org.id).execute()
    expect(revisions).toHaveLength(1)

    const saved = await post(critical40)
    expect(saved.statusCode).toBe(303)
    const shown = await browser.get(`/w/${org.slug}/advisories/${ownId}`)
    expect(shown.body).toContain('CVSS 4.0: 9.3 (Critical)')
    expect(shown.body).toContain('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')
  })

  it('metrics missing a base metric come back with the metric named and everything typed kept', async () => {
    const { post } = await editing()
    const { cvss40_SA: _left, ...partial } = critical40
    const refused = await post({ ...partial, 'credit-0-name': 'Grace Finder', 'credit-0-role': 'finder' })
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('The CVSS 4.0 vector is not valid: Subsequent System Availability (SA) is required.')
    expect(refused.body).toContain('value="Grace Finder"')
    expect(refused.body).toContain('Typed words reach the query.')
    expect(refused.body).toMatch(/name="cvss40_VC" value="H" checked/)
  })

  it('"Search" lists weaknesses by name to pick; a picked weakness is saved and named on the advisory page; an unknown id is refused clearly', async () => {
    const { org, ownId, browser, post } = await editing()
    const searched = await post({ cwe: 'sql injection', intent: 'cwe-search' })
    expect(searched.statusCode).toBe(200)
    expect(searched.body).toContain('Weaknesses matching &quot;sql injection&quot;')
    expect(searched.body).toMatch(/name="cwe-pick" value="CWE-89"/)
    expect(searched.body).toContain('value="sql injection"')

    const unknown = await post({ cwe: 'CWE-99999' })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.body).toContain('CWE-99999 is not a weakness in the CWE list.')
    expect(unknown.body).toContain('value="CWE-99999"')

    const picked = await post({ cwe: 'sql injection', 'cwe-pick': 'CWE-89' })
    expect(picked.statusCode).toBe(303)
    const shown = await browser.get(`/w/${org.slug}/advisories/${ownId}`)
    expect(shown.body).toContain('CWE-89 Improper Neutralization of Special Elements used in an SQL Command')

    // Kept weaknesses are ticked boxes; unticking removes one.
    const again = await browser.get(`/w/${org.slug}/advisories/${ownId}/edit`)
    expect(again.body).toMatch(/type="checkbox" name="cwes" value="CWE-89" checked/)
    const added = await post({ cwes: 'CWE-89', cwe: 'CWE-79' })
    expect(added.statusCode).toBe(303)
    const removed = await post({ cwe: 'CWE-79' })
    expect(removed.statusCode).toBe(303)
    const last = await browser.get(`/w/${org.slug}/advisories/${ownId}`)
    expect(last.body).toContain('CWE-79 Improper Neutralization of Input During Web Page Generation')
    expect(last.body).not.toContain('CWE-89')
  })

  it('under a qualitative-only policy the form offers the policy levels with their definitions and no calculator; metrics are refused', async () => {
    const { org, ownId, browser, page, post } = await editing(
      'severity:\n  scoring: qualitative\n  levels:\n    - level: high\n      definition: Patient data of one clinic can be read without signing in.\n',
    )
    expect(page.body).not.toContain('data-cvss-version')
    expect(page.body).toContain('Patient data of one clinic can be read without signing in.')
    const tampered = await post(critical40)
    expect(tampered.statusCode).toBe(422)
    const saved = await post({ qualitative: 'high' })
    expect(saved.statusCode).toBe(303)
    const shown = await browser.get(`/w/${org.slug}/advisories/${ownId}`)
    expect(shown.body).toContain('High')
    expect(shown.body).not.toContain('data-cvss-score')
  })
})
