import { expect, it } from 'vitest'
import { verifyEventChain } from '../../../src/storage/repositories/event-repository.js'
import { asMember, submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('triaging reports', (ctx) => {
  const app = useTestApp(ctx)

  async function team() {
    const t = app()
    const org = await t.given.org()
    const alice = await t.given.member(org, 'responder', 'Alice Responder')
    const bob = await t.given.member(org, 'responder', 'Bob Responder')
    const report = await t.given.report(org, { reporterEmail: 'finder@example.net' })
    const as = async (m: typeof alice) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    const page = `/w/${org.slug}/reports/${report.ref}`
    return { t, org, alice, bob, report, as, page }
  }

  it('shows who holds a claimed report, and refuses the second responder with that name', async () => {
    const { as, alice, bob, page } = await team()
    const a = await as(alice)
    const b = await as(bob)
    // Each answer is a redirect to the report page, which says once what happened.
    const claimed = await submitAndFollow(a, page, `${page}/claim`, {})
    expect(claimed.status).toBe(303)
    expect(claimed.location).toBe(page)
    expect(claimed.page.body).toContain('Claimed')
    expect((await a.get(page)).body).not.toContain('data-flash') // shown once
    const second = await submitAndFollow(b, page, `${page}/claim`, {})
    expect(second.location).toBe(page)
    expect(second.page.body).toContain('Another responder already claimed this report')
    expect(second.page.body).toContain('Alice Responder holds this report')
    const reply = await submitAndFollow(b, page, `${page}/messages`, { body: 'My answer', visibility: 'reporter' })
    expect(reply.location).toBe(page)
    expect(reply.page.body).toContain('Another responder already claimed this report')
    expect(reply.page.body).toContain('My answer') // the draft is kept
    const note = await submitAndFollow(b, page, `${page}/messages`, { body: 'A colleague may still add a note', visibility: 'internal' })
    expect(note.status).toBe(303)
    expect(note.page.body).toContain('Internal note added.')
    const answered = await submitAndFollow(a, page, `${page}/messages`, { body: 'Thanks, looking into it', visibility: 'reporter' })
    expect(answered.page.body).toContain('Reply sent to the reporter.')
  })

  it('gives one claim and one refusal when two responders click at the same moment', async () => {
    const { t, org, alice, bob, report } = await team()
    const { claimReport } = await import('../../../src/workspace/use-cases/claim-report.js')
    const results = await Promise.all([
      claimReport(t.deps, org, report.ref, asMember(alice)),
      claimReport(t.deps, org, report.ref, asMember(bob)),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['REPORT_ALREADY_CLAIMED'])
    const claims = await t.deps.db
      .selectFrom('event')
      .select('type')
      .where('org_id', '=', org.id)
      .where(
        'report_id',
        '=',
        (
          await t.deps.db
            .selectFrom('report')
            .select('id')
            .where('ref', '=', report.ref)
            .where('org_id', '=', org.id)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .where('type', '=', 'report.claimed')
      .execute()
    expect(claims).toHaveLength(1)
  })

  it('moves a report only along the workflow, recording each step with an event and a mail to the reporter', async () => {
    const { t, org, alice, as, page } = await team()
    const a = await as(alice)
    await a.submit(page, `${page}/claim`, {})
    const unknown = await a.submit(page, `${page}/status`, { to: 'shipped' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('The request is malformed')
    const skip = await submitAndFollow(a, page, `${page}/status`, { to: 'fixed' })
    expect(skip.location).toBe(page)
    expect(skip.page.body).toContain('cannot move to that status')
    for (const [to, label] of [
      ['acknowledged', 'Acknowledged'],
      ['triaged', 'Triaged'],
      ['accepted', 'Accepted'],
      ['fixing', 'Fixing'],
    ]) {
      const moved = await submitAndFollow(a, page, `${page}/status`, { to: to! })
      expect(moved.status).toBe(303)
      expect(moved.page.body).toContain(`Status: ${label}.`)
    }
    const shown = await a.get(page)
    expect(shown.body).toContain('Fixing')
    expect(shown.body).toContain('Status changed from Accepted to Fixing')
    const mails = await t.deps.db.selectFrom('outbox').select('kind').where('org_id', '=', org.id).execute()
    expect(mails).toHaveLength(1 + 4) // acknowledgment of receipt + one notice per status change
    expect(await verifyEventChain(t.deps.db, org.id)).toBeNull()
  })

  it('needs a reason to reject, and an existing reference of the same organization for a duplicate', async () => {
    const { t, org, alice, as, page } = await team()
    const a = await as(alice)
    expect((await submitAndFollow(a, page, `${page}/status`, { to: 'rejected', reason: '  ' })).page.body).toContain('A reason is required')
    // A duplicate without a reference asks for the reference, not for a reason.
    const bare = await submitAndFollow(a, page, `${page}/status`, { to: 'duplicate' })
    expect(bare.location).toBe(page)
    expect(bare.page.body).toContain('Give the reference of the report this one duplicates')
    expect(bare.page.body).not.toContain('A reason is required')
    const otherOrg = await t.given.org()
    const foreign = await t.given.report(otherOrg)
    const refused = await submitAndFollow(a, page, `${page}/status`, { to: 'duplicate', duplicateOf: foreign.ref })
    expect(refused.location).toBe(page)
    expect((await a.get(page)).body).not.toContain(`Duplicate of ${foreign.ref}`)
    const earlier = await t.given.report(org)
    expect((await a.submit(page, `${page}/status`, { to: 'duplicate', duplicateOf: earlier.ref })).statusCode).toBe(303)
    expect((await a.get(page)).body).toContain(`Duplicate of ${earlier.ref}`)
    void alice
  })

  it('hands a report only to responders of the same organization', async () => {
    const { t, bob, alice, as, page } = await team()
    const outsider = await t.given.member(await t.given.org(), 'responder')
    const a = await as(alice)
    const refused = await submitAndFollow(a, page, `${page}/assign`, { assignee: outsider.id })
    expect(refused.location).toBe(page)
    expect(refused.page.body).not.toContain('Handed over')
    const handed = await submitAndFollow(a, page, `${page}/assign`, { assignee: bob.id })
    expect(handed.status).toBe(303)
    expect(handed.page.body).toContain('Handed over to Bob Responder.')
    const later = (await a.get(page)).body
    expect(later).toContain('Bob Responder holds this report')
    // The timeline says to whom.
    expect(later).toContain('Handed over to Bob Responder<')
  })

  it("keeps internal notes out of the reporter's view and marks them on the team's", async () => {
    const { t, alice, as, page, report } = await team()
    const a = await as(alice)
    await a.submit(page, `${page}/claim`, {})
    await a.submit(page, `${page}/messages`, { body: 'Visible answer', visibility: 'reporter' })
    await a.submit(page, `${page}/messages`, { body: 'Secret internal musing', visibility: 'internal' })
    const teamView = await a.get(page)
    expect(teamView.body).toContain('Internal note — not visible to the reporter')
    const reporter = t.browser()
    await reporter.get(new URL(report.followUpUrl).pathname)
    const view = await reporter.get('/follow-up')
    expect(view.body).toContain('Visible answer')
    expect(view.body).not.toContain('Secret internal musing')
    expect(view.body).not.toContain('Alice')
  })

  it('lists the queue newest first in pages of 50, filtered by status and assignee', async () => {
    const { t, org, alice, as } = await team()
    for (let i = 0; i < 55; i++) {
      t.clock.advance(1000)
      await t.given.report(org, { title: `Report number ${i}` })
    }
    const a = await as(alice)
    const first = await a.get(`/w/${org.slug}/reports`)
    expect(first.body).toContain('Report number 54')
    expect(first.body).not.toContain('Report number 4<')
    const next = /href="([^"]*after=[^"]+)"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&')
    expect(next).toBeDefined()
    const second = await a.get(next!)
    expect(second.body).toContain('Report number 0')
    expect(second.body).not.toContain('Report number 54')
    const mine = await a.get(`/w/${org.slug}/reports?assignee=me`)
    expect(mine.body).toContain('No reports match these filters.')
  })
})
