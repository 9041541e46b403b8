/**
 * Issue 11 item 3 end to end: the published advisory names the reporters of its linked reports
 * exactly as their consent allows (Alkemio: credited unless they decline), on its public page and
 * in every export made from it.
 */
import { expect, it } from 'vitest'
import { findPublishedAdvisory } from '../../../src/disclosure/index.js'
import { publishAdvisory } from '../../../src/disclosure/use-cases/publish-advisory.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { draftFor, fixedReport, orgWithAdvisories, viewerOf } from './disclosure-support.js'

eachDialect('credits in the published advisory', (ctx) => {
  const app = useTestApp(ctx)

  it('Alkemio names the reporter who did not decline, beside the team’s own credits, on the public page and in the exports', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder', 'Alice Alkemio')
    const report = await fixedReport(t, org, alice, { reporterName: 'Ada Finder' })
    const a = t.browser()
    await a.signIn(alice)
    expect((await a.submit(report.page, `${report.page}/credits/reporter`, { name: 'Ada Finder', role: 'finder' })).statusCode).toBe(303)
    expect((await a.submit(report.page, `${report.page}/credits`, { name: 'Alice Alkemio', role: 'coordinator' })).statusCode).toBe(303)
    const ownId = await draftFor(t, org, report.ref, alice)
    expect((await publishAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)

    const record = await findPublishedAdvisory(t.deps.db, org.id, ownId)
    expect(record?.credits).toEqual([
      { name: 'Ada Finder', role: 'finder' },
      { name: 'Alice Alkemio', role: 'coordinator' },
    ])
    const page = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/advisories/${ownId}` })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Ada Finder')
    const osv = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/advisories/${ownId}.osv.json` })
    expect(osv.statusCode).toBe(200)
    expect(JSON.parse(osv.body).credits).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Ada Finder' })]))
  })

  it('a reporter who declined before publication is named nowhere in the published advisory or its exports', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder', 'Alice Alkemio')
    const report = await fixedReport(t, org, alice, { reporterName: 'Quiet Quentin' })
    const a = t.browser()
    await a.signIn(alice)
    await a.submit(report.page, `${report.page}/credits/reporter`, { name: 'Quiet Quentin', role: 'finder' })
    expect((await report.reporter.submit('/follow-up', '/follow-up/credit', { answer: 'decline', name: 'Quiet Quentin' })).statusCode).toBe(
      303,
    )
    const ownId = await draftFor(t, org, report.ref, alice)
    expect((await publishAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)

    expect((await findPublishedAdvisory(t.deps.db, org.id, ownId))?.credits).toEqual([])
    for (const suffix of ['', '.osv.json', '.cve.json']) {
      const res = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/advisories/${ownId}${suffix}` })
      expect(res.statusCode, suffix).toBe(200)
      expect(res.body, suffix).not.toContain('Quiet Quentin')
    }
    const atom = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/advisories.atom` })
    expect(atom.body).not.toContain('Quiet Quentin')
  })
})
