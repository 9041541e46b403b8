/**
 * Issue 12: "merge publicly at most 48 h before release" is a step due in its window, on both
 * databases with the controlled clock. KhulnaSoft's policy gets `publicMerge: 48 hours`; the
 * release is planned for 15 December 2026, 10:00 in Dhaka (UTC+6). Recording the merge 49 hours
 * before is refused with the moment the window opens, exactly 48 hours before it is recorded; the
 * job tells the team once when the window opens, over the real SMTP socket; a release that passes
 * without the merge shows it overdue on the coordination page and on the advisory page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { formatTime } from '../../../src/i18n/format-time.js'
import { createOutboxWorker, type OutboxWorker } from '../../../src/mail/outbox-worker.js'
import { createSmtpSender } from '../../../src/mail/smtp-sender.js'
import { runPartnerNotices } from '../../../src/partners/index.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { startRelay, type TestRelay } from '../../support/mail.js'
import { khulnaSoftWithDraft, mailsTo } from './partner-support.js'

const dhaka = 'Asia/Dhaka'
const release = '2026-12-15T10:00'
const releaseIso = '2026-12-15T04:00:00.000Z'
const hour = 3_600_000
const windowOpens = Date.parse(releaseIso) - 48 * hour
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

eachDialect('the public merge, due in its window', (ctx) => {
  const app = useTestApp(ctx)
  let relay: TestRelay
  let worker: OutboxWorker

  beforeAll(async () => {
    relay = await startRelay()
    worker = createOutboxWorker(app().deps, { sender: createSmtpSender({ host: '127.0.0.1', port: relay.port }) })
  })
  afterAll(async () => {
    await worker?.stop()
    await relay?.close()
  })

  const planned = async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const setup = await khulnaSoftWithDraft(t, 'publicMerge: 48 hours')
    const team = t.browser()
    await team.signIn(setup.responder)
    const base = `/w/${setup.org.slug}/advisories/${setup.ownId}`
    const coordination = `${base}/coordination`
    expect((await team.submit(coordination, `${base}/release`, { at: release })).statusCode).toBe(303)
    return { ...setup, t, team, base, coordination }
  }

  it('recording the merge 49 hours before the release is refused with the moment the window opens; at 48 hours it is recorded once', async () => {
    const { t, team, responder, base, coordination } = await planned()
    const opens = formatTime(new Date(windowOpens).toISOString(), dhaka)
    expect(words((await team.get(coordination)).body)).toContain(`Waiting for its window Window opens ${opens}`)

    t.clock.current = new Date(windowOpens - hour)
    await team.signIn(responder)
    const refused = await team.submit(coordination, `${base}/merged`, { at: '' })
    expect(refused.statusCode).toBe(409)
    expect(words(refused.body)).toContain(`The fix may be merged publicly from ${opens}.`)
    // A moment typed before the window is refused the same way, even once the window is open.
    t.clock.current = new Date(windowOpens)
    await team.signIn(responder)
    expect((await team.submit(coordination, `${base}/merged`, { at: '2026-12-13T09:59' })).statusCode).toBe(409)
    // A moment in the future is not a merge that happened.
    expect((await team.submit(coordination, `${base}/merged`, { at: '2026-12-14T10:00' })).statusCode).toBe(422)

    const recorded = await team.submit(coordination, `${base}/merged`, { at: '' })
    expect(recorded.statusCode).toBe(303)
    const page = words((await team.get(recorded.headers.location as string)).body)
    expect(page).toContain('Public merge recorded.')
    expect(page).toContain(`Merged publicly merged ${opens}`)
    expect(page).toContain(`recorded the fix merged publicly at ${opens}`)
    // Recorded once: a second click is refused and the timeline keeps one line.
    expect((await team.submit(coordination, `${base}/merged`, { at: '' })).statusCode).toBe(409)
    expect(words((await team.get(coordination)).body).split('recorded the fix merged publicly').length).toBe(2)

    // Once merged, the release passing is not an overdue step.
    t.clock.current = new Date(Date.parse(releaseIso) + hour)
    await team.signIn(responder)
    expect(words((await team.get(coordination)).body)).not.toContain('Overdue')
    expect(words((await team.get(base)).body)).not.toContain('Public merge overdue')
  })

  it('the job tells the responders and admins once when the window opens, and the release passing without the merge shows it overdue', async () => {
    const { t, team, responder, admin, org, ownId, base, coordination } = await planned()
    // An hour early nothing goes; at the opening the team is told, once, whatever runs again.
    expect(await runPartnerNotices(t.deps, new Date(windowOpens - hour))).toMatchObject({ mergeAlerts: 0 })
    const alerts = async () =>
      (
        await t.deps.db
          .selectFrom('event')
          .select('type')
          .where('org_id', '=', org.id)
          .where('type', '=', 'advisory.merge_window_opened')
          .execute()
      ).length
    expect(await alerts()).toBe(0)
    await runPartnerNotices(t.deps, new Date(windowOpens))
    await runPartnerNotices(t.deps, new Date(windowOpens + hour))
    expect(await alerts()).toBe(1)

    t.clock.current = new Date(windowOpens + hour)
    await worker.runOnce()
    for (const member of [responder, admin]) {
      const mails = await mailsTo(relay, member.email)
      expect(mails).toHaveLength(1)
      expect(mails[0]?.mail.subject).toBe(`[${ownId}] The fix may now be merged publicly`)
      expect(mails[0]?.mail.text).toContain(formatTime(releaseIso, dhaka))
      expect(mails[0]?.mail.text).toContain(`${base}/coordination`)
    }
    await team.signIn(responder)
    expect(words((await team.get(coordination)).body)).toContain('Due: merge publicly now')

    // The release passes without the merge: overdue, on the coordination page and the advisory page.
    t.clock.current = new Date(Date.parse(releaseIso) + 1000)
    await team.signIn(responder)
    const late = words((await team.get(coordination)).body)
    expect(late).toContain('Overdue')
    expect(late).toContain('has passed and the fix is not recorded as merged publicly')
    expect(words((await team.get(base)).body)).toContain('Public merge overdue')
    expect(await runPartnerNotices(t.deps, t.clock.now())).toMatchObject({ mergeAlerts: 0 })
  })

  it('moving the release moves the window, and the team is told again for the new plan', async () => {
    const { t, team, responder, org, base, coordination } = await planned()
    await runPartnerNotices(t.deps, new Date(windowOpens))
    t.clock.current = new Date(windowOpens + hour)
    await team.signIn(responder)
    expect((await team.submit(coordination, `${base}/release`, { at: '2026-12-20T10:00' })).statusCode).toBe(303)
    const newOpens = Date.parse('2026-12-20T04:00:00.000Z') - 48 * hour
    expect(words((await team.get(coordination)).body)).toContain(`Window opens ${formatTime(new Date(newOpens).toISOString(), dhaka)}`)
    // Refused again now: the window moved with the release.
    expect((await team.submit(coordination, `${base}/merged`, { at: '' })).statusCode).toBe(409)
    const opened = () =>
      t.deps.db.selectFrom('event').select('data').where('org_id', '=', org.id).where('type', '=', 'advisory.merge_window_opened').execute()
    await runPartnerNotices(t.deps, new Date(newOpens - 1000))
    expect(await opened()).toHaveLength(1)
    await runPartnerNotices(t.deps, new Date(newOpens))
    await runPartnerNotices(t.deps, new Date(newOpens))
    expect(await opened()).toHaveLength(2)
  })
})
