import { expect, it } from 'vitest'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

const payloads = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[x](javascript&#58;alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '![img](javascript:alert(1))',
  '<svg onload=alert(1)>',
  '"><script>alert(1)</script>',
  "'; alert(1); //",
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
]

/** Finds markup that could run script: a script element, an event-handler attribute, or a script/data URL in a link. */
function executable(html: string): string[] {
  const found: string[] = []
  if (/<script\b/i.test(html.replace(/<script src="\/static\/[^"]+"><\/script>/g, ''))) found.push('script element')
  // Inside a quoted attribute value (a form field prefilled with the attacker's text), "onerror=" is
  // text, not an attribute: look at the markup with quoted values emptied.
  const markup = html.replace(/="[^"]*"/g, '=""')
  if (/<[^>]+\son[a-z]+\s*=/i.test(markup)) found.push('event handler attribute')
  if (/<[^>]+\s(href|src|action|formaction)\s*=\s*["']?\s*(javascript|vbscript|data):/i.test(html)) found.push('script URL')
  return found
}

it('the oracle itself recognises executable markup', () => {
  expect(executable('<p><img src=x onerror=alert(1)></p>')).toEqual(['event handler attribute'])
  expect(executable('<p><img src="x" onerror="alert(1)"></p>')).toEqual(['event handler attribute'])
  expect(executable('<input value="&lt;img src=x onerror=alert(1)>">')).toEqual([])
  expect(executable('<a href="javascript:alert(1)">x</a>')).toEqual(['script URL'])
  expect(executable('<script>alert(1)</script>')).toEqual(['script element'])
  expect(executable('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toEqual([])
})

eachDialect('hostile text renders inert', (ctx) => {
  const app = useTestApp(ctx)

  it('in every field, on the team page, the queue and the reporter page', async () => {
    const t = app()
    const org = await t.given.org()
    const alice = await t.given.member(org, 'responder')
    const team = t.browser()
    await team.signIn(alice)
    for (const payload of payloads) {
      const report = await t.given.report(org, {
        title: payload.replace(/\n/g, ' '),
        description: payload,
        steps: payload,
        impact: payload,
        affectedVersion: payload.replace(/\n/g, ' '),
        reporterName: payload.replace(/\n/g, ' '),
        creditPreference: 'pseudonym',
      })
      const page = `/w/${org.slug}/reports/${report.ref}`
      await team.submit(page, `${page}/messages`, { body: payload, visibility: 'reporter' })
      const reporter = t.browser()
      await reporter.get(new URL(report.followUpUrl).pathname)
      for (const html of [
        (await team.get(page)).body,
        (await team.get(`/w/${org.slug}/reports`)).body,
        (await reporter.get('/follow-up')).body,
      ]) {
        expect(executable(html), `payload ${payload}`).toEqual([])
      }
    }
  })
})
