/**
 * The publish flow of item 6 of issue 11: an advisory scheduled for a set time is published by the
 * scheduler exactly once — also when two Embargo processes (two apps with their own connection
 * pools on one database) run the scheduler at the same moment — and a scheduled publication that
 * cannot run goes back to ready with the reason on record instead of being retried forever.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { findPublishedAdvisory, runScheduledPublications } from '../../../src/disclosure/index.js'
import { scheduleAdvisory } from '../../../src/disclosure/use-cases/schedule-advisory.js'
import { unscheduleAdvisory } from '../../../src/disclosure/use-cases/unschedule-advisory.js'
import { startTestApp, type TestApp, textOf } from '../../support/app.js'
import { eachDialect, type FreshDatabase } from '../../support/databases.js'
import { eventsOf, mailsFor, reportRow, reportViaApi } from '../policy/policy-support.js'
import { draftFor, fixedReport, orgWithAdvisories, viewerOf } from './disclosure-support.js'

eachDialect('scheduled publication', (ctx) => {
  let fresh: FreshDatabase | undefined
  let one: TestApp | undefined
  let two: TestApp | undefined
  beforeAll(async () => {
    fresh = await ctx.freshDatabase()
    one = await startTestApp(fresh.url)
    // A second process on the same database: its own pool, its own write queue.
    two = await startTestApp(fresh.url)
  })
  afterAll(async () => {
    await two?.close()
    await one?.close()
    await fresh?.drop()
  })

  it('a scheduled advisory is published once at its time, even with two schedulers racing for it, and its report disclosed once', async () => {
    const t = one as TestApp
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await fixedReport(t, org, alice)
    const ownId = await draftFor(t, org, ref, alice)
    const past = await scheduleAdvisory(t.deps, org, ownId, '2026-11-20T09:00:00.000Z', viewerOf(alice))
    expect(!past.ok && past.error.code).toBe('ADVISORY_SCHEDULE_NOT_FUTURE')
    expect((await scheduleAdvisory(t.deps, org, ownId, '2026-11-21T09:00:00.000Z', viewerOf(alice))).ok).toBe(true)
    // The team reads the time in the organization's zone (Alkemio: Amsterdam), named, not in UTC.
    const team = t.browser()
    await team.signIn(alice)
    const advisoryPage = `/w/${org.slug}/advisories/${ownId}`
    expect(textOf((await team.get(advisoryPage)).body)).toContain('Scheduled forSat, 21 Nov 2026, 10:00 CET (Europe/Amsterdam)')

    // Before its time nothing happens.
    expect(await runScheduledPublications(t.deps, new Date('2026-11-21T08:59:59.000Z'))).toEqual({ published: 0 })
    expect(await findPublishedAdvisory(t.deps.db, org.id, ownId)).toBeUndefined()

    const mailsBefore = (await mailsFor(t, org, ref)).length
    const at = new Date('2026-11-21T09:00:30.000Z')
    const runs = await Promise.all([
      runScheduledPublications((one as TestApp).deps, at),
      runScheduledPublications((two as TestApp).deps, at),
      runScheduledPublications((one as TestApp).deps, at),
      runScheduledPublications((two as TestApp).deps, at),
    ])
    expect(runs.reduce((sum, r) => sum + r.published, 0)).toBe(1)
    expect(await findPublishedAdvisory(t.deps.db, org.id, ownId)).toMatchObject({ state: 'published', publishedAt: at.toISOString() })
    expect((await reportRow(t, org, ref)).status).toBe('disclosed')
    expect(textOf((await team.get(advisoryPage)).body)).toContain('Sat, 21 Nov 2026, 10:00 CET (Europe/Amsterdam)')
    // The list's "updated" column too.
    expect(textOf((await team.get(`/w/${org.slug}/advisories`)).body)).toMatch(/\d\d:\d\d CET \(Europe\/Amsterdam\)/)
    const events = await eventsOf(t, org, ref)
    expect(events.filter((e) => e.type === 'advisory.published')).toHaveLength(1)
    expect(events.filter((e) => e.type === 'report.status_changed' && e.data.to === 'disclosed')).toHaveLength(1)
    expect((await mailsFor(t, org, ref)).length).toBe(mailsBefore + 1)
    const revisions = await t.deps.db.selectFrom('advisory_revision').select('action').where('org_id', '=', org.id).execute()
    expect(revisions.filter((r) => r.action === 'published')).toHaveLength(1)

    // And later runs find nothing more to do.
    expect(await runScheduledPublications(t.deps, new Date('2026-11-22T00:00:00.000Z'))).toEqual({ published: 0 })
  })

  it('a scheduled publication whose report is not fixed goes back to ready with the refusal on record, and is not retried', async () => {
    const t = one as TestApp
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await reportViaApi(t, org)
    const ownId = await draftFor(t, org, ref, alice)
    expect((await scheduleAdvisory(t.deps, org, ownId, '2026-11-21T09:00:00.000Z', viewerOf(alice))).ok).toBe(true)
    // The team reads the time in the organization's zone (Alkemio: Amsterdam), named, not in UTC.
    const team = t.browser()
    await team.signIn(alice)
    const advisoryPage = `/w/${org.slug}/advisories/${ownId}`
    expect(textOf((await team.get(advisoryPage)).body)).toContain('Scheduled forSat, 21 Nov 2026, 10:00 CET (Europe/Amsterdam)')
    expect(await runScheduledPublications(t.deps, new Date('2026-11-21T10:00:00.000Z'))).toEqual({ published: 0 })
    const row = await t.deps.db
      .selectFrom('advisory')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('own_id', '=', ownId)
      .executeTakeFirstOrThrow()
    expect(row.state).toBe('ready')
    expect(row.scheduled_for).toBeNull()
    const failed = await t.deps.db
      .selectFrom('event')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('type', '=', 'advisory.schedule_failed')
      .execute()
    expect(failed.map((e) => JSON.parse(e.data).code)).toEqual(['ADVISORY_REPORTS_NOT_FIXED'])
    expect((await reportRow(t, org, ref)).status).toBe('new')
  })

  it('an advisory taken off the schedule is not published', async () => {
    const t = one as TestApp
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await fixedReport(t, org, alice)
    const ownId = await draftFor(t, org, ref, alice)
    expect((await scheduleAdvisory(t.deps, org, ownId, '2026-11-21T09:00:00.000Z', viewerOf(alice))).ok).toBe(true)
    // The team reads the time in the organization's zone (Alkemio: Amsterdam), named, not in UTC.
    const team = t.browser()
    await team.signIn(alice)
    const advisoryPage = `/w/${org.slug}/advisories/${ownId}`
    expect(textOf((await team.get(advisoryPage)).body)).toContain('Scheduled forSat, 21 Nov 2026, 10:00 CET (Europe/Amsterdam)')
    expect((await unscheduleAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)
    expect(await runScheduledPublications(t.deps, new Date('2026-11-21T10:00:00.000Z'))).toEqual({ published: 0 })
    expect((await reportRow(t, org, ref)).status).toBe('fixed')
  })
})
