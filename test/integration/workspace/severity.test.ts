/**
 * Severity on the report, as the policy scores it (issue 10 item 5, issue 11 item 2): the CVSS
 * calculator posts metrics, the server scores them and the page and the queue show score and
 * rating; under a qualitative-only policy only levels with the organization's definitions exist.
 */
import { expect, it } from 'vitest'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { submitAndFollow, type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { at, eventsOf, mailsFor, orgWithPreset, reportRow, reportViaApi } from '../policy/policy-support.js'

const metrics40 = { AV: 'N', AC: 'L', AT: 'N', PR: 'N', UI: 'N', VC: 'H', VI: 'H', VA: 'H', SC: 'N', SI: 'N', SA: 'N' }
const form40 = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [`cvss40_${k}`, v]))
const qualitative = `
severity:
  scoring: qualitative
  levels:
    - level: high
      definition: Patient data of one clinic can be read without signing in.
    - level: critical
      definition: Patient data of every clinic can be read or changed.
`

async function orgWithScoring(t: TestApp, extra: string): Promise<OrganizationRow> {
  const org = await t.given.org()
  const file = readPreset('healthimis')
  if (!file) throw new Error('no preset')
  const imported = await importPolicy(t.deps, org, `${file.source.trimEnd()}\n${extra}`, file.fileName, null)
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return org
}

/** The severity section of the report page (what the panel shows, without the calculator's own labels). */
const severitySection = (html: string) => /<section class="stack severity-panel"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''

eachDialect('severity on a report', (ctx) => {
  const app = useTestApp(ctx)

  async function setUp(extra?: string) {
    const t = app()
    at(t, '2026-11-30T09:00:00.000Z')
    const org = extra ? await orgWithScoring(t, extra) : await orgWithPreset(t, 'healthimis')
    const alice = await t.given.member(org, 'responder', 'Alice Health')
    const a = t.browser()
    await a.signIn(alice)
    const { ref, page } = await reportViaApi(t, org)
    return { t, org, a, ref, page }
  }

  it('a CVSS 4.0 vector set through the calculator is scored and shown on the report page and in the queue', async () => {
    const { t, org, a, ref, page } = await setUp()
    expect((await a.submit(page, `${page}/cvss`, form40(metrics40))).statusCode).toBe(303)
    const row = await reportRow(t, org, ref)
    expect(row.cvss40_vector).toBe('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')
    expect(row.cvss31_vector).toBeNull()
    // The score's rating becomes the report's level, which drives the policy's per-severity alert.
    expect(row.severity).toBe('critical')
    expect((await mailsFor(t, org, ref)).filter((m) => m.template === 'team.severity-alert')).toHaveLength(1)
    const events = (await eventsOf(t, org, ref)).map((e) => e.type)
    expect(events).toContain('report.cvss_set')
    expect(events).toContain('report.severity_set')
    const shown = severitySection((await a.get(page)).body)
    expect(shown).toContain('CVSS 4.0: 9.3 (Critical)')
    expect(shown).toContain('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')
    // The calculator comes back pre-filled with the vector.
    expect(shown).toMatch(/name="cvss40_AV" value="N" checked/)
    const queue = await a.get(`/w/${org.slug}/reports`)
    expect(queue.body).toContain('data-severity="critical">Critical · 9.3<')
  })

  it('a half-filled calculator is refused, naming the missing base metric, and nothing is stored', async () => {
    const { t, org, a, ref, page } = await setUp()
    const refused = await submitAndFollow(a, page, `${page}/cvss`, form40({ AV: 'N' }))
    expect(refused.location).toBe(page)
    expect(refused.page.body).toContain('The CVSS 4.0 vector is not valid: Attack Complexity (AC) is required.')
    expect((await reportRow(t, org, ref)).cvss40_vector).toBeNull()
  })

  it('a tampered metric value is refused before anything runs', async () => {
    const { t, org, a, ref, page } = await setUp()
    const refused = await a.submit(page, `${page}/cvss`, form40({ ...metrics40, SC: 'S' }))
    expect(refused.statusCode).toBeGreaterThanOrEqual(400)
    expect(refused.statusCode).toBeLessThan(500)
    expect((await reportRow(t, org, ref)).cvss40_vector).toBeNull()
  })

  it('once a score sets the level, the level cannot be set by hand against it', async () => {
    const { t, org, a, ref, page } = await setUp()
    await a.submit(page, `${page}/cvss`, form40(metrics40))
    const refused = await submitAndFollow(a, page, `${page}/severity`, { severity: 'low' })
    expect(refused.location).toBe(page)
    expect(refused.page.body).toContain('role="alert"')
    expect((await reportRow(t, org, ref)).severity).toBe('critical')
  })

  it('a qualitative-only policy offers its levels with their definitions and shows no number, in the page or the queue', async () => {
    const { t, org, a, ref, page } = await setUp(qualitative)
    const before = (await a.get(page)).body
    expect(before).not.toContain('cvss40_AV')
    expect(before).toContain('Patient data of every clinic can be read or changed.')
    expect((await submitAndFollow(a, page, `${page}/cvss`, form40(metrics40))).page.body).toContain('role="alert"')
    expect((await reportRow(t, org, ref)).cvss40_vector).toBeNull()
    const set = await submitAndFollow(a, page, `${page}/severity`, { severity: 'high' })
    expect(set.status).toBe(303)
    expect(set.location).toBe(page)
    expect(set.page.body).toContain('Severity set to High.')
    // The header names it too.
    expect(set.page.body).toContain('data-report-severity>Severity: <span class="severity" data-severity="high">High</span>')
    expect((await reportRow(t, org, ref)).severity).toBe('high')
    const shown = severitySection((await a.get(page)).body)
    expect(shown).toContain('<strong>High</strong>')
    expect(shown).not.toContain('data-cvss-score')
    // No number anywhere in what the section says (attributes such as the CSRF token aside).
    expect(shown.replace(/<[^>]*>/g, ' ')).not.toMatch(/\d/)
    const queue = await a.get(`/w/${org.slug}/reports`)
    expect(queue.body).toContain('data-severity="high">High<')
  })
})
