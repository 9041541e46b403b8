/**
 * healthIMIS: confirm within 1 business day, a detailed response within 48 hours, a team of two
 * that never handles a report twice (a claimed report cannot be taken by the other responder),
 * and high severity alerts the whole team at once.
 */
import { expect, it } from 'vitest'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { at, eventsOf, mailsFor, orgWithPreset, reportRow, reportViaApi, sweepAt } from './policy-support.js'

eachDialect('healthIMIS policy', (ctx) => {
  const app = useTestApp(ctx)

  async function healthimis() {
    const t = app()
    at(t, '2026-11-23T08:00:00.000Z')
    const org = await orgWithPreset(t, 'healthimis')
    const alice = await t.given.member(org, 'responder', 'Alice Health')
    const bob = await t.given.member(org, 'responder', 'Bob Health')
    const as = async (m: typeof alice) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    return { t, org, alice, bob, as }
  }

  it('confirms within 1 business day and gives the detailed response within 48 hours', async () => {
    const { t, org, alice, as } = await healthimis()
    // Monday 30 November 2026, 10:00 in Berlin.
    at(t, '2026-11-30T09:00:00.000Z')
    const { ref, page } = await reportViaApi(t, org)
    const row = await reportRow(t, org, ref)
    expect(row.assignee_id).toBeNull() // healthIMIS claims; nobody is assigned on receipt
    expect(row.acknowledge_due_at).toBe('2026-12-01T22:59:59.999Z')
    expect(row.detailed_response_due_at).toBe('2026-12-02T09:00:00.000Z')
    expect(row.next_due_at).toBe('2026-12-01T22:59:59.999Z')
    // Forty-eight hours pass with a confirmation but no detailed response: breached, the team is told.
    at(t, '2026-11-30T13:00:00.000Z')
    const a = await as(alice)
    await a.submit(page, `${page}/claim`, {})
    expect(
      (await a.submit(page, `${page}/messages`, { body: 'Thank you, we are looking into it.', visibility: 'reporter' })).statusCode,
    ).toBe(303)
    expect((await reportRow(t, org, ref)).next_due_at).toBe('2026-12-02T09:00:00.000Z')
    await sweepAt(t, '2026-12-02T09:30:00.000Z')
    const escalated = (await eventsOf(t, org, ref)).filter((e) => e.type === 'escalation.sent' && e.data.action === 'escalate')
    expect(escalated.map((e) => [e.data.clock, e.data.target])).toEqual([['detailed-response', 'assignee']])
    // The chain's second step waits 2 hours.
    await sweepAt(t, '2026-12-02T11:30:00.000Z')
    const again = (await eventsOf(t, org, ref)).filter((e) => e.type === 'escalation.sent' && e.data.action === 'escalate')
    expect(again.map((e) => e.data.target)).toEqual(['assignee', 'team'])
    // The detailed response meets the clock (late), and the page says so.
    const a2 = await as(alice)
    expect(
      (
        await a2.submit(page, `${page}/messages`, {
          body: 'Verified; severity medium; fix next week.',
          visibility: 'reporter',
          detailed: 'on',
        })
      ).statusCode,
    ).toBe(303)
    const shown = await a2.get(page)
    expect(shown.body).toContain('data-clock="detailed-response" data-state="met"')
    expect(shown.body).toContain('Met late')
    const reply = (await eventsOf(t, org, ref)).filter((e) => e.type === 'reply.sent').at(-1)
    expect(reply?.data.detailed).toBe(true)
  })

  it('does not let the second responder take a report the first one claimed', async () => {
    const { t, org, alice, bob, as } = await healthimis()
    at(t, '2026-11-30T09:00:00.000Z')
    const { page } = await reportViaApi(t, org)
    const a = await as(alice)
    const b = await as(bob)
    expect((await a.submit(page, `${page}/claim`, {})).statusCode).toBe(303)
    const second = await submitAndFollow(b, page, `${page}/claim`, {})
    expect(second.location).toBe(page) // refused: back on the report page, which says why
    expect(second.page.body).toContain('Alice Health holds this report')
    expect((await submitAndFollow(b, page, `${page}/messages`, { body: 'Also answering', visibility: 'reporter' })).location).toBe(page) // refused, said on the report page
    void org
  })

  it('alerts the whole team at once when the severity is high, and only once', async () => {
    const { t, org, alice, bob, as } = await healthimis()
    at(t, '2026-11-30T09:00:00.000Z')
    const { ref, page } = await reportViaApi(t, org)
    const a = await as(alice)
    await a.submit(page, `${page}/claim`, {})
    expect((await a.submit(page, `${page}/severity`, { severity: 'high' })).statusCode).toBe(303)
    const alerts = (await mailsFor(t, org, ref)).filter((m) => m.template === 'team.severity-alert')
    expect(alerts.map((m) => m.to).sort()).toEqual([alice.email, bob.email].sort())
    expect((await a.submit(page, `${page}/severity`, { severity: 'critical' })).statusCode).toBe(303)
    await sweepAt(t, '2026-11-30T10:00:00.000Z')
    expect((await mailsFor(t, org, ref)).filter((m) => m.template === 'team.severity-alert')).toHaveLength(2)
    expect((await reportRow(t, org, ref)).severity).toBe('critical')
    const types = (await eventsOf(t, org, ref)).map((e) => e.type)
    expect(types.filter((x) => x === 'report.severity_set')).toHaveLength(2)
  })
})
