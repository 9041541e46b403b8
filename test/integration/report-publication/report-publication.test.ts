/**
 * Issue 12 item 5 end to end: a report in a final state gets a public page — a redacted copy the
 * team writes, approved, shown to the reporter, who may object within the policy's time — and the
 * job publishes it once, after the objection period and not before the fix is out. The original
 * text appears on no public page.
 */
import { expect, it } from 'vitest'
import { publishAdvisory } from '../../../src/disclosure/use-cases/publish-advisory.js'
import { runReportPublications, startReportPublicationJob } from '../../../src/report-publication/index.js'
import { changeReportStatus } from '../../../src/workspace/use-cases/change-report-status.js'
import { asMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { draftFor, fixedReport, viewerOf } from '../disclosure/disclosure-support.js'
import { eventsOf, mailsFor } from '../policy/policy-support.js'
import { orgPublishingReports, originalCanaries, rejectedReport } from './publication-support.js'

const day = 24 * 60 * 60 * 1000

const redacted = {
  title: 'Default credentials on an internal panel',
  body: 'A reporter found an internal administration panel that accepted **default credentials**.',
  reason: 'The panel is not reachable from the internet; we changed the credentials anyway.',
}
/** The preparation form's fields. */
const fields = { publicTitle: redacted.title, publicBody: redacted.body, publicReason: redacted.reason }

eachDialect('the public version of a report', (ctx) => {
  const app = useTestApp(ctx)

  it('a rejected report is published redacted after the objection period, once the fix is out, exactly once', async () => {
    const t = app()
    const org = await orgPublishingReports(t, { objection: '7 days' })
    const alice = await t.given.member(org, 'responder')
    const fix = await fixedReport(t, org, alice)
    const advisory = await draftFor(t, org, fix.ref, alice)
    const { ref, reporter, page } = await rejectedReport(t, org, alice)
    const a = t.browser()
    await a.signIn(alice)

    // The policy publishes every report: the rejected report's page asks for the public version, with an empty form.
    const before = await a.get(page)
    expect(before.body).toContain('prepare the public version of this report')
    const form = before.body.slice(before.body.indexOf(`action="${page}/public-version"`))
    expect(form).toMatch(/<input[^>]*name="publicTitle" value maxlength/)
    expect(form).toMatch(/<textarea[^>]*name="publicBody"[^>]*><\/textarea>/)
    expect(form).toMatch(/<textarea[^>]*name="publicReason"[^>]*><\/textarea>/)
    expect(form).not.toContain('ORIGINAL-')
    // Each label finds its own field: no other form on the page uses these ids.
    for (const id of ['f-publicTitle', 'f-publicBody', 'f-publicReason', 'f-afterAdvisory']) {
      expect(before.body.split(` id="${id}"`), id).toHaveLength(2)
    }

    // The queue flags it too.
    const queueRow = async () => (await a.get(`/w/${org.slug}/reports?status=all`)).body.split('<tr').find((row) => row.includes(ref)) ?? ''
    expect(await queueRow()).toContain('Public version to prepare')

    // Nothing is public before it is published.
    expect((await t.app.inject({ url: `/o/${org.slug}/reports/${ref}` })).statusCode).toBe(404)

    // Written by hand, waiting for the advisory with the fix; the preparer approves after confirming the preview.
    const prepared = await a.submit(page, `${page}/public-version`, { ...fields, afterAdvisory: advisory })
    expect(prepared.statusCode).toBe(303)
    expect(await queueRow()).not.toContain('Public version to prepare')
    const draftPage = (await a.get(page)).body
    expect(draftPage).toContain('Draft, not yet approved')
    expect(draftPage).toContain('Default credentials on an internal panel')
    // A draft is not shown to the reporter.
    expect((await reporter.get('/follow-up')).body).not.toContain(redacted.title)
    expect((await a.submit(page, `${page}/public-version/approve`, {})).statusCode).toBe(422)
    expect((await a.submit(page, `${page}/public-version/approve`, { confirm: 'on' })).statusCode).toBe(303)
    const shownAt = t.clock.now().getTime()

    // The reporter sees the proposed text, the outcome and reason, and an Object form; and is told by mail.
    const followUp = (await reporter.get('/follow-up')).body
    expect(followUp).toContain('The public version of your report')
    expect(followUp).toContain(redacted.title)
    expect(followUp).toContain('<strong>default credentials</strong>')
    expect(followUp).toContain(redacted.reason)
    expect(followUp).toContain('action="/follow-up/public-version/object"')
    expect((await mailsFor(t, org, ref)).map((m) => m.template)).toContain('reporter.public-version-proposed')

    // Within the objection period: nothing.
    expect(await runReportPublications(t.deps, new Date(shownAt + 6 * day))).toEqual({ published: 0 })
    // After it, but the advisory with the fix is not published: still nothing, and the team sees why.
    t.clock.current = new Date(shownAt + 8 * day)
    expect(await runReportPublications(t.deps, t.clock.now())).toEqual({ published: 0 })
    // (A week later the session has ended: sign in again.)
    await a.signIn(alice)
    expect((await a.get(page)).body).toContain(`Waiting for the fix: published once advisory ${advisory} is published.`)
    expect((await t.app.inject({ url: `/o/${org.slug}/reports/${ref}` })).statusCode).toBe(404)
    // The object form is gone once the period has ended.
    expect((await reporter.get('/follow-up')).body).not.toContain('action="/follow-up/public-version/object"')

    // The fix is out: the next runs publish it once, however many race for it.
    expect((await publishAdvisory(t.deps, org, advisory, viewerOf(alice))).ok).toBe(true)
    const runs = await Promise.all([0, 1, 2].map(() => runReportPublications(t.deps, t.clock.now())))
    expect(runs.reduce((sum, r) => sum + r.published, 0)).toBe(1)
    expect(await runReportPublications(t.deps, new Date(shownAt + 9 * day))).toEqual({ published: 0 })

    const shown = await t.app.inject({ url: `/o/${org.slug}/reports/${ref}` })
    expect(shown.statusCode).toBe(200)
    expect(shown.body).toContain(redacted.title)
    expect(shown.body).toContain('<strong>default credentials</strong>')
    expect(shown.body).toContain('Rejected')
    expect(shown.body).toContain(redacted.reason)
    expect(shown.body).not.toContain('<script')
    const list = await t.app.inject({ url: `/o/${org.slug}/reports` })
    expect(list.body).toContain(`href="/o/${org.slug}/reports/${ref}"`)
    const orgPage = await t.app.inject({ url: `/o/${org.slug}` })
    expect(orgPage.body).toContain(`href="/o/${org.slug}/reports"`)
    for (const body of [shown.body, list.body, orgPage.body]) {
      for (const canary of originalCanaries) expect(body).not.toContain(canary)
    }

    const events = (await eventsOf(t, org, ref)).map((e) => e.type).filter((type) => type.startsWith('public_version.'))
    expect(events).toEqual(['public_version.prepared', 'public_version.approved', 'public_version.published'])
    expect((await a.get(page)).body).toContain('Public version published')
  })

  it('a reporter who objects stops the publication, and the team sees the objection and the reason', async () => {
    const t = app()
    const org = await orgPublishingReports(t)
    const [alice, bob] = [await t.given.member(org, 'responder'), await t.given.member(org, 'responder')]
    const { ref, reporter, page } = await rejectedReport(t, org, alice)
    const a = t.browser()
    await a.signIn(alice)
    const b = t.browser()
    await b.signIn(bob)
    expect((await a.submit(page, `${page}/public-version`, { ...fields, afterAdvisory: '' })).statusCode).toBe(303)
    // A second member approves without any preview box to tick.
    expect((await b.submit(page, `${page}/public-version/approve`, {})).statusCode).toBe(303)
    const shownAt = t.clock.now().getTime()

    // An objection needs a reason.
    expect((await reporter.submit('/follow-up', '/follow-up/public-version/object', { objection: '  ' })).statusCode).toBe(422)
    t.clock.current = new Date(shownAt + 3 * day)
    const objected = await reporter.submit('/follow-up', '/follow-up/public-version/object', {
      objection: 'The text still names the **office network**; please leave it out.',
    })
    expect(objected.statusCode).toBe(303)
    expect((await reporter.get('/follow-up')).body).toContain('You objected: this version is not published.')

    // The default period (14 days) passes: nothing is published.
    expect(await runReportPublications(t.deps, new Date(shownAt + 30 * day))).toEqual({ published: 0 })
    expect((await t.app.inject({ url: `/o/${org.slug}/reports/${ref}` })).statusCode).toBe(404)
    expect((await t.app.inject({ url: `/o/${org.slug}/reports` })).body).not.toContain(ref)

    await a.signIn(alice)
    const team = (await a.get(page)).body
    expect(team).toContain('The reporter objected: not published')
    expect(team).toContain('The text still names the <strong>office network</strong>; please leave it out.')
    expect(team).toContain('The reporter objected to the public version')
    const events = (await eventsOf(t, org, ref)).filter((e) => e.type.startsWith('public_version.'))
    expect(events.map((e) => e.type)).toEqual(['public_version.prepared', 'public_version.approved', 'public_version.objected'])
    // The event log carries no text of the objection, and the unpublished copy and the objection are sealed at rest.
    expect(JSON.stringify(events)).not.toContain('office network')
    const row = await t.deps.db.selectFrom('report_publication').selectAll().where('org_id', '=', org.id).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toMatch(/office network|Default credentials|not reachable/)
    expect(row.published_json).toBeNull()
  })

  it('the author cannot approve alone when the policy requires review, a reopened report is not published, and an undecided one has no public version', async () => {
    const t = app()
    const org = await orgPublishingReports(t, { review: 'required' })
    const [alice, bob] = [await t.given.member(org, 'responder'), await t.given.member(org, 'responder')]
    const { ref, page } = await rejectedReport(t, org, alice)
    const a = t.browser()
    await a.signIn(alice)
    expect((await a.submit(page, `${page}/public-version`, { ...fields, afterAdvisory: '' })).statusCode).toBe(303)
    expect((await a.get(page)).body).toContain('another team member approves the public version')
    expect((await a.submit(page, `${page}/public-version/approve`, { confirm: 'on' })).statusCode).toBe(409)
    const b = t.browser()
    await b.signIn(bob)
    expect((await b.submit(page, `${page}/public-version/approve`, {})).statusCode).toBe(303)
    expect((await a.get(page)).body).toContain('Public version reviewed by a second member and shown to the reporter')

    // Reopened after a mistaken rejection: the version's outcome no longer holds, so it is not published.
    const reopened = await changeReportStatus(t.deps, org, ref, { to: 'triaged', member: asMember(alice) })
    expect(reopened.ok).toBe(true)
    expect(await runReportPublications(t.deps, new Date(t.clock.now().getTime() + 30 * day))).toEqual({ published: 0 })
    expect((await a.get(page)).body).toContain('The report is no longer decided as this version says')
    expect((await t.app.inject({ url: `/o/${org.slug}/reports/${ref}` })).statusCode).toBe(404)

    const open = await t.given.report(org)
    const openPage = `/w/${org.slug}/reports/${open.ref}`
    expect((await a.get(openPage)).body).toContain('Once the report is accepted, rejected or marked a duplicate')
    const refused = await a.submit(openPage, `${openPage}/public-version`, { ...fields, afterAdvisory: '' })
    expect(refused.statusCode).toBe(409)
    // Naming an advisory that does not exist is refused.
    const unknown = await a.submit(page, `${page}/public-version`, { ...fields, afterAdvisory: 'NOPE-ADV-2026-9999' })
    expect(unknown.statusCode).toBe(422)
  })

  it('the background job started by serve publishes a due version by itself, once', async () => {
    const t = app()
    const org = await orgPublishingReports(t, { objection: '1 day' })
    const [alice, bob] = [await t.given.member(org, 'responder'), await t.given.member(org, 'responder')]
    const { ref, page } = await rejectedReport(t, org, alice)
    const a = t.browser()
    await a.signIn(alice)
    const b = t.browser()
    await b.signIn(bob)
    expect((await a.submit(page, `${page}/public-version`, { ...fields, afterAdvisory: '' })).statusCode).toBe(303)
    expect((await b.submit(page, `${page}/public-version/approve`, {})).statusCode).toBe(303)
    t.clock.advance(2 * day)
    const job = startReportPublicationJob(t.deps, { intervalMs: 100 })
    job.start()
    const publicPage = `/o/${org.slug}/reports/${ref}`
    for (let i = 0; i < 100 && (await t.app.inject({ url: publicPage })).statusCode !== 200; i++)
      await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 300))
    await job.stop()
    expect((await t.app.inject({ url: publicPage })).statusCode).toBe(200)
    expect((await eventsOf(t, org, ref)).filter((e) => e.type === 'public_version.published')).toHaveLength(1)
  })
})
