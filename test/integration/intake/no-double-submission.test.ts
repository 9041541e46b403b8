import { expect, it } from 'vitest'
import { csrfFrom, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

/**
 * Issue 14, item 2: the report form is post/redirect/get. Reloading the confirmation sends
 * nothing again; the follow-up link is shown once, never in an address or a log line.
 */
eachDialect('one report per submission, the follow-up link shown once', (ctx) => {
  // The bot trap's minimum time is on, as in production: a person takes a few seconds.
  const app = useTestApp(ctx, { formMinSeconds: 3 })
  const slug = () => `prg-${Math.random().toString(36).slice(2, 9)}`

  async function openForm(t: ReturnType<typeof app>, orgSlug: string) {
    const browser = t.browser()
    const form = await browser.get(`/o/${orgSlug}/report`)
    const served = /name="_served" value="([^"]+)"/.exec(form.body)?.[1] ?? ''
    return { browser, fields: { _csrf: csrfFrom(form.body), _served: served } }
  }
  const reportsOf = async (t: ReturnType<typeof app>, orgId: string) =>
    (await t.deps.db.selectFrom('report').select('id').where('org_id', '=', orgId).execute()).length

  it('answers the form with 303 to a confirmation that shows the link once and survives a reload without a second report', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const { browser, fields } = await openForm(t, org.slug)
    t.clock.advance(20_000)
    const sent = await browser.post(`/o/${org.slug}/report`, { ...fields, title: 'Open redirect', description: 'The next= parameter' })
    expect(sent.statusCode).toBe(303)
    expect(sent.headers.location).toBe(`/o/${org.slug}/report/received`)
    expect(sent.body).toBe('')

    const first = await browser.get(`/o/${org.slug}/report/received`)
    expect(first.statusCode).toBe(200)
    expect(first.body).toContain(`Report ${org.ref_prefix}-2026-0001 received`)
    const link = /(http:\/\/[^"<]+\/f\/[A-Za-z0-9_-]{43})/.exec(first.body)?.[1]
    expect(link).toBeDefined()
    const token = link!.split('/f/')[1]!

    // Reload: the same reference, no link, and a way to reach the report again; nothing new is stored.
    const reload = await browser.get(`/o/${org.slug}/report/received`)
    expect(reload.statusCode).toBe(200)
    expect(reload.body).toContain(`Report ${org.ref_prefix}-2026-0001 received`)
    expect(reload.body).toContain('The follow-up link was shown once, and is not shown again')
    expect(reload.body).toContain('the acknowledgment mail has it')
    expect(reload.body).not.toContain(token)
    expect(await reportsOf(t, org.id)).toBe(1)

    // The link never was in an address, and never in a log line.
    expect(t.logs.join('\n')).not.toContain(token)
    // The link opens the report.
    expect((await browser.get(new URL(link!).pathname)).statusCode).toBe(303)
  })

  it('shows nothing to another browser, and a receipt of one organization is not shown on another', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const other = await t.given.org({ slug: slug() })
    const { browser, fields } = await openForm(t, org.slug)
    t.clock.advance(20_000)
    expect((await browser.post(`/o/${org.slug}/report`, { ...fields, title: 'CSRF on logout', description: 'd' })).statusCode).toBe(303)
    const elsewhere = await t.browser().get(`/o/${org.slug}/report/received`)
    expect(elsewhere.statusCode).toBe(200)
    expect(elsewhere.body).toContain('Nothing to show here')
    expect(elsewhere.body).not.toContain(org.ref_prefix)
    const wrongOrg = await browser.get(`/o/${other.slug}/report/received`)
    expect(wrongOrg.body).toContain('Nothing to show here')
    expect(wrongOrg.body).not.toContain('/f/')
    // The right page still has it, once.
    expect((await browser.get(`/o/${org.slug}/report/received`)).body).toMatch(/\/f\/[A-Za-z0-9_-]{43}/)
  })

  it('says the form was sent fast, not that the hidden field was filled, and keeps the text', async () => {
    const t = app()
    const org = await t.given.org({ slug: slug() })
    const { browser, fields } = await openForm(t, org.slug)
    const quick = await browser.post(`/o/${org.slug}/report`, { ...fields, title: 'Quick one', description: 'Typed fast' })
    expect(quick.statusCode).toBe(400)
    expect(quick.body).toContain('quicker than we expect from a person')
    expect(quick.body).not.toContain('Please leave the field')
    expect(quick.body).toContain('value="Quick one"')
    expect(await reportsOf(t, org.id)).toBe(0)

    const bot = await openForm(t, org.slug)
    t.clock.advance(20_000)
    const filled = await bot.browser.post(`/o/${org.slug}/report`, {
      ...bot.fields,
      title: 'Bot',
      description: 'd',
      contact_website: 'http://spam',
    })
    expect(filled.statusCode).toBe(400)
    expect(filled.body).toContain('Please leave the field')
    expect(await reportsOf(t, org.id)).toBe(0)
  })
})
