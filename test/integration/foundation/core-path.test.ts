import { expect, it } from 'vitest'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('the core path: a reporter reports, a responder answers, the reporter reads it', (ctx) => {
  const app = useTestApp(ctx)

  it('works end to end through the pages, without JavaScript', async () => {
    const t = app()
    const org = await t.given.org({ slug: 'acme', name: 'ACME Corp' })
    const alice = await t.given.member(org, 'responder', 'Alice')

    const reporter = t.browser()
    const sent = await submitAndFollow(reporter, '/o/acme/report', '/o/acme/report', {
      title: 'Stored XSS in profile',
      description: 'The **bio** field is not escaped.',
      steps: '1. Edit bio\n2. View profile',
      impact: 'Session theft',
      affectedVersion: '2.3.1',
      reporterName: 'Mallory',
      reporterEmail: 'mallory@example.net',
      creditPreference: 'name',
    })
    expect(sent.status).toBe(303)
    expect(sent.location).toBe('/o/acme/report/received')
    expect(sent.page.body).toContain('ACME-2026-0001')
    const link = /(http:\/\/[^"<]+\/f\/[A-Za-z0-9_-]+)/.exec(sent.page.body)?.[1]
    expect(link).toBeDefined()

    const responder = t.browser()
    await responder.signIn(alice)
    const queue = await responder.get('/w/acme/reports')
    expect(queue.statusCode).toBe(200)
    expect(queue.body).toContain('Stored XSS in profile')

    const claim = await responder.submit('/w/acme/reports/ACME-2026-0001', '/w/acme/reports/ACME-2026-0001/claim', {})
    expect(claim.statusCode).toBe(303)
    const answer = await responder.submit('/w/acme/reports/ACME-2026-0001', '/w/acme/reports/ACME-2026-0001/messages', {
      body: 'Thanks, we can reproduce it.',
      visibility: 'reporter',
    })
    expect(answer.statusCode).toBe(303)
    await responder.submit('/w/acme/reports/ACME-2026-0001', '/w/acme/reports/ACME-2026-0001/messages', {
      body: 'Internal: likely the legacy renderer.',
      visibility: 'internal',
    })

    const path = new URL(link!).pathname
    const swap = await reporter.get(path)
    expect(swap.statusCode).toBe(303)
    expect(swap.headers.location).toBe('/follow-up')
    const followUp = await reporter.get('/follow-up')
    expect(followUp.statusCode).toBe(200)
    expect(followUp.body).toContain('Thanks, we can reproduce it.')
    expect(followUp.body).not.toContain('legacy renderer')

    // Logs carry ids, never content: no report text, no reporter address, no follow-up secret.
    const logs = t.logs.join('\n')
    expect(logs).toContain('report received')
    for (const secret of [
      'Stored XSS in profile',
      'bio',
      'Mallory',
      'mallory@example.net',
      path.slice(3),
      'Thanks, we can reproduce it.',
    ]) {
      expect(logs.includes(secret), `log contains ${secret}`).toBe(false)
    }
  })
})
