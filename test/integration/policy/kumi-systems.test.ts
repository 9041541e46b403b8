/**
 * Kumi Systems: assigned on receipt; acknowledge within 3 business days (Vienna, Austrian public
 * holidays); no reply within 7 business days lets the reporter escalate to the assignee, then the
 * whole security team, then the CEO; updates at least every 5 days; day 90 brings the final
 * update and the reporter may disclose.
 */
import { expect, it } from 'vitest'
import { verifyEventChain } from '../../../src/storage/repositories/event-repository.js'
import { textOf, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { at, eventsOf, mailsFor, orgWithPreset, reportRow, reportViaApi, sweepAt } from './policy-support.js'

eachDialect('Kumi Systems policy', (ctx) => {
  const app = useTestApp(ctx)

  async function kumi() {
    const t = app()
    at(t, '2026-12-01T08:00:00.000Z')
    const org = await orgWithPreset(t, 'kumi-systems')
    const alice = await t.given.member(org, 'responder', 'Alice Kumi')
    t.clock.advance(1000)
    const bob = await t.given.member(org, 'responder', 'Bob Kumi')
    const as = async (m: typeof alice) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    return { t, org, alice, bob, as }
  }

  it('acknowledges a report received on a Friday afternoon before a public holiday by Thursday, and assigns it on receipt', async () => {
    const { t, org, alice, as } = await kumi()
    // Friday 4 December 2026, 15:30 in Vienna; Tuesday 8 December is a public holiday in Austria.
    at(t, '2026-12-04T14:30:00.000Z')
    const { ref, page } = await reportViaApi(t, org)
    const row = await reportRow(t, org, ref)
    expect(row.acknowledge_due_at).toBe('2026-12-10T22:59:59.999Z')
    expect(row.next_due_at).toBe('2026-12-10T22:59:59.999Z')
    expect(row.detailed_response_due_at).toBe('2026-12-16T22:59:59.999Z')
    expect(row.assignee_id).toBe(alice.id)
    expect((await eventsOf(t, org, ref)).map((e) => e.type)).toEqual(['report.received', 'report.assigned'])
    const shown = await (await as(alice)).get(page)
    // The clock says when, in the organization's zone (named), and how many business days are left.
    const acknowledge = textOf(shown.body.match(/<tr[^>]*data-clock="acknowledge"[\s\S]*?<\/tr>/)?.[0] ?? '')
    expect(acknowledge).toContain('Thu, 10 Dec 2026, 23:59 CET (Europe/Vienna) · in 3 business days')
    expect(acknowledge).toContain('(3 business days)')
    // Acknowledged on Monday: the clock is met and the update cadence starts.
    at(t, '2026-12-07T09:00:00.000Z')
    expect((await (await as(alice)).submit(page, `${page}/status`, { to: 'acknowledged' })).statusCode).toBe(303)
    const after = await reportRow(t, org, ref)
    expect(after.acknowledge_due_at).toBeNull()
    expect(after.reporter_update_due_at).toBe('2026-12-12T09:00:00.000Z')
    expect(after.next_due_at).toBe('2026-12-12T09:00:00.000Z')
    expect(await verifyEventChain(t.deps.db, org.id)).toBeNull()
  })

  it('lets the reporter escalate after 7 business days without a reply: assignee, then the team, then the CEO', async () => {
    const { t, org, alice, bob, as } = await kumi()
    at(t, '2026-12-04T14:30:00.000Z')
    const { ref, reporter, page } = await reportViaApi(t, org)
    at(t, '2026-12-07T09:00:00.000Z')
    await (await as(alice)).submit(page, `${page}/status`, { to: 'acknowledged' })

    // Wednesday 16 December is the 7th business day: not yet.
    at(t, '2026-12-16T15:00:00.000Z')
    // The reporter, wherever they are, reads the organization's zone (named) and UTC.
    expect(textOf((await reporter.get('/follow-up/escalate')).body)).toContain(
      'You can escalate from Wed, 16 Dec 2026, 23:59 CET (Europe/Vienna) (Wed, 16 Dec 2026, 22:59 UTC)',
    )
    expect(textOf((await reporter.get('/follow-up')).body)).toContain(
      'Fri, 4 Dec 2026, 15:30 CET (Europe/Vienna) (Fri, 4 Dec 2026, 14:30 UTC)',
    )
    expect((await reporter.submit('/follow-up', '/follow-up/escalate', {})).statusCode).toBe(409)

    at(t, '2026-12-17T08:00:00.000Z')
    const offer = await reporter.get('/follow-up/escalate')
    expect(offer.body).toContain('the team member handling your report')
    expect((await reporter.submit('/follow-up', '/follow-up/escalate', {})).statusCode).toBe(200)
    // The next step waits one business day after this one.
    expect((await reporter.submit('/follow-up', '/follow-up/escalate', {})).statusCode).toBe(409)
    at(t, '2026-12-21T08:00:00.000Z')
    expect((await reporter.submit('/follow-up', '/follow-up/escalate', {})).statusCode).toBe(200)
    at(t, '2026-12-23T08:00:00.000Z')
    expect((await reporter.get('/follow-up/escalate')).body).toContain('CEO')
    expect((await reporter.submit('/follow-up', '/follow-up/escalate', {})).statusCode).toBe(200)
    expect((await reporter.get('/follow-up/escalate')).body).toContain('Every escalation step has been taken.')

    const steps = (await eventsOf(t, org, ref)).filter((e) => e.type === 'reporter.escalated').map((e) => e.data.target)
    expect(steps).toEqual(['assignee', 'team', 'contact:ceo'])
    const told = (await mailsFor(t, org, ref)).filter((m) => m.template === 'team.reporter-escalation').map((m) => m.to)
    expect(told).toEqual([alice.email, ...[alice.email, bob.email].sort(), 'kumitterer@kumi.systems'])
  })

  it('escalates a missed detailed response along the chain by itself, each step once', async () => {
    const { t, org, alice, as } = await kumi()
    at(t, '2026-12-04T14:30:00.000Z')
    const { ref, page } = await reportViaApi(t, org)
    at(t, '2026-12-07T09:00:00.000Z')
    await (await as(alice)).submit(page, `${page}/status`, { to: 'acknowledged' })
    // Breached at the end of Wednesday 16 December; the chain: assignee at once, team a business day later, then the CEO.
    await sweepAt(t, '2026-12-17T08:00:00.000Z')
    await sweepAt(t, '2026-12-17T08:00:00.000Z')
    await sweepAt(t, '2026-12-18T23:30:00.000Z')
    await sweepAt(t, '2026-12-22T08:00:00.000Z')
    await sweepAt(t, '2026-12-22T08:00:00.000Z')
    const escalations = (await eventsOf(t, org, ref))
      .filter((e) => e.type === 'escalation.sent' && e.data.action === 'escalate' && e.data.clock === 'detailed-response')
      .map((e) => e.data.target)
    expect(escalations).toEqual(['assignee', 'team', 'contact:ceo'])
    const ceo = (await mailsFor(t, org, ref)).filter(
      (m) => m.to === 'kumitterer@kumi.systems' && m.template === 'team.clock-escalation' && m.clock === 'detailed-response',
    )
    expect(ceo).toHaveLength(1)
    // The team page shows the breach.
    expect((await (await as(alice)).get(page)).body).toContain('data-clock="detailed-response" data-state="breached"')
  })

  it('keeps the reporter updated at least every 5 days, reminding the assignee before each update falls due', async () => {
    const { t, org, alice, as } = await kumi()
    at(t, '2026-12-04T14:30:00.000Z')
    const { ref, page } = await reportViaApi(t, org)
    at(t, '2026-12-07T09:00:00.000Z')
    await (await as(alice)).submit(page, `${page}/status`, { to: 'acknowledged' })
    // 75% of the 5 days: the assignee is reminded.
    await sweepAt(t, '2026-12-10T19:00:00.000Z')
    expect((await mailsFor(t, org, ref)).filter((m) => m.template === 'team.clock-reminder')).toHaveLength(0)
    await sweepAt(t, '2026-12-11T03:00:00.000Z')
    const reminders = (await mailsFor(t, org, ref)).filter((m) => m.template === 'team.clock-reminder' && m.clock === 'reporter-update')
    expect(reminders.map((m) => m.to)).toEqual([alice.email])
    at(t, '2026-12-11T10:00:00.000Z')
    const a = await as(alice)
    expect(
      (
        await a.submit(page, `${page}/messages`, {
          body: 'We reproduced it; a fix is being prepared.',
          visibility: 'reporter',
          detailed: 'on',
          'content-next-steps': 'on',
        })
      ).statusCode,
    ).toBe(303)
    const row = await reportRow(t, org, ref)
    expect(row.reporter_update_due_at).toBe('2026-12-16T10:00:00.000Z')
    expect(row.detailed_response_due_at).toBeNull()
  })

  it('sends the final update on day 90 and tells the reporter they may disclose', async () => {
    const { t, org, alice, as } = await kumi()
    at(t, '2026-12-04T14:30:00.000Z')
    const { ref, page } = await reportViaApi(t, org)
    at(t, '2026-12-07T09:00:00.000Z')
    await (await as(alice)).submit(page, `${page}/status`, { to: 'acknowledged' })
    await sweepAt(t, '2027-03-04T14:00:00.000Z')
    expect((await mailsFor(t, org, ref)).filter((m) => m.template === 'reporter.final-update')).toHaveLength(0)
    await sweepAt(t, '2027-03-04T14:31:00.000Z')
    const toReporter = (await mailsFor(t, org, ref)).filter((m) => m.to === 'finder@example.net').map((m) => m.template)
    expect(toReporter).toContain('reporter.final-update')
    expect(toReporter).toContain('reporter.may-disclose')
    await sweepAt(t, '2027-03-10T14:31:00.000Z')
    expect((await mailsFor(t, org, ref)).filter((m) => m.template === 'reporter.final-update')).toHaveLength(1)
  })
})
