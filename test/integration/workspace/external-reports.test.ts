/**
 * Issue 10, item 2 (last part): a report received on another platform is registered by the team,
 * with its reference and address there, and its clocks start when the platform received it.
 */
import { expect, it } from 'vitest'
import { csrfFrom, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { basePolicy, eventsOf, mailsFor, orgWithPolicy, reportRow } from '../policy/policy-support.js'

const platforms = `channels:
  webForm:
    enabled: true
  platforms:
    - id: hackerone
      kind: bug-bounty
      name: HackerOne
      url: https://hackerone.com/example
`

const registration = {
  platform: 'hackerone',
  platformName: '',
  reference: 'H1-2741337',
  url: 'https://hackerone.com/reports/2741337',
  // Monday 16 November 2026, 09:00 in Vienna (the policy's zone) = 08:00 UTC; the test clock is Friday 20 November.
  receivedAt: '2026-11-16T09:00',
  title: 'IDOR on the invoice download',
  text: 'Changing `id` in `/invoices/:id` returns **another customer** invoice.',
}

eachDialect('registering a report received on another platform', (ctx) => {
  const app = useTestApp(ctx)

  async function team(role: 'responder' | 'viewer' = 'responder') {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, '', platforms))
    const member = await t.given.member(org, role, 'Rita Responder')
    const b = t.browser()
    await b.signIn(member)
    return { t, org, b, form: `/w/${org.slug}/reports/external/new` }
  }

  it('a registered report runs its clocks from when the platform received it, and shows where it came from', async () => {
    const { t, org, b, form } = await team()
    const queue = await b.get(`/w/${org.slug}/reports`)
    expect(queue.body).toContain(`href="${form}"`)
    expect(queue.body).toContain('Register a report received elsewhere')

    const res = await b.submit(form, form, registration)
    expect(res.statusCode).toBe(303)
    const page = res.headers.location as string
    const ref = page.split('/').pop()!
    const row = await reportRow(t, org, ref)
    expect(row.channel).toBe('external')
    expect(row.received_at).toBe('2026-11-16T08:00:00.000Z')
    // Three business days from Monday morning ran out before today (Friday): the acknowledgment is already late.
    expect(row.acknowledge_due_at).not.toBeNull()
    expect(Date.parse(row.acknowledge_due_at!)).toBeLessThan(t.clock.now().getTime())

    // A report received through the form right now, for comparison: its clocks start now, four days later.
    const now = await t.given.report(org)
    const fresh = await reportRow(t, org, now.ref)
    expect(Date.parse(fresh.resolution_due_at!) - Date.parse(row.resolution_due_at!)).toBeGreaterThanOrEqual(3 * 86_400_000)

    const shown = (await b.get(page)).body
    expect(shown).toContain('Received on HackerOne: H1-2741337')
    expect(shown).toContain('href="https://hackerone.com/reports/2741337"')
    expect(shown).toContain('<strong>another customer</strong>')
    expect(shown).toContain('Registered by the team from HackerOne')
    // No reporter contact: the reporter is answered on the platform, nothing is mailed.
    expect(await mailsFor(t, org, ref)).toEqual([])
    const events = await eventsOf(t, org, ref)
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['report.received', 'report.registered']))
    expect(events.find((e) => e.type === 'report.received')?.at).toBe('2026-11-16T08:00:00.000Z')
    // The platform's reference and address are sealed with the report's text.
    expect(JSON.stringify(row)).not.toContain('H1-2741337')
  })

  it('a platform the policy does not list is named by the team', async () => {
    const { t, org, b, form } = await team()
    const res = await b.submit(form, form, {
      ...registration,
      platform: 'other',
      platformName: 'Intigriti',
      reference: 'INTI-77',
      url: 'http://app.intigriti.com/r/77',
    })
    expect(res.statusCode).toBe(303)
    const shown = (await b.get(res.headers.location as string)).body
    expect(shown).toContain('Received on Intigriti: INTI-77')
    expect(shown).toContain('Registered by the team from another platform')
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(1)
  })

  it('a bad address, a future date and a missing title are refused with what was typed kept', async () => {
    const { t, org, b, form } = await team()
    const res = await b.submit(form, form, {
      ...registration,
      url: 'javascript:alert(document.cookie)',
      receivedAt: '2026-11-21T09:00',
      title: '',
      reference: 'H1-kept-reference',
    })
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('Enter a web address starting with https:// or http://.')
    expect(res.body).toContain('This is in the future; enter when the platform received the report.')
    expect(res.body).toContain('This field is required.')
    expect(res.body).toContain('value="H1-kept-reference"')
    expect(res.body).toContain('value="2026-11-21T09:00"')
    expect(res.body).toContain('another customer')
    const ftp = await b.post(form, { _csrf: csrfFrom(res.body), ...registration, url: 'ftp://example.org/x', receivedAt: 'yesterday' })
    expect(ftp.statusCode).toBe(422)
    expect(ftp.body).toContain('Enter a date and time like 2026-03-01T14:30.')
    const unknown = await b.post(form, { _csrf: csrfFrom(res.body), ...registration, platform: 'bugcrowd' })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.body).toContain('Choose one of the listed options.')
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
  })

  it('a viewer cannot register a report, nor sees the link', async () => {
    const { t, org, b, form } = await team('viewer')
    expect((await b.get(`/w/${org.slug}/reports`)).body).not.toContain(form)
    expect((await b.get(form)).statusCode).toBeGreaterThanOrEqual(403)
    const queue = await b.get(`/w/${org.slug}/reports`)
    const posted = await b.post(form, { _csrf: csrfFrom(queue.body), ...registration })
    expect([403, 404]).toContain(posted.statusCode)
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
  })
})
