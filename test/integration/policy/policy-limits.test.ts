/**
 * Finding 4 (security review, issue 8), end to end on both databases: a policy that slips past
 * validation never loses a report, and hostile policy text is an ordinary problem on the admin page.
 */
import { expect, it } from 'vitest'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import { newId } from '../../../src/storage/ids.js'
import { insertPolicyVersion } from '../../../src/storage/repositories/policy-repository.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { reportRow, reportViaApi } from './policy-support.js'

const aliasBombProblem =
  'policy.yaml:3 too many aliases (*name): expanding them would repeat sections more than 100 times; write the sections out instead'

const policyWith = (calendar: string, acknowledge: string) =>
  [
    'version: 1',
    'organization: { name: Example, slug: example }',
    'channels: { webForm: { enabled: true } }',
    `calendar: ${calendar}`,
    'clocks:',
    `  acknowledge: ${acknowledge}`,
    '  resolution: 90 days',
  ].join('\n')

eachDialect('finding 4: policy values cannot stop the server', (ctx) => {
  const app = useTestApp(ctx)

  it('finding 4: a clock the calendar cannot place still stores the submission, and the report page shows the clock error', async () => {
    const t = app()
    const org = await t.given.org()
    // Valid policy: one working weekday and the longest clock a policy may promise: 50 years of Sundays.
    const imported = await importPolicy(
      t.deps,
      org,
      policyWith('{ timeZone: UTC, workingDays: [sun] }', '2600 business days'),
      'p.yaml',
      null,
    )
    expect(imported.ok).toBe(true)
    const admin = await t.given.member(org, 'admin')
    const b = t.browser()
    await b.signIn(admin)
    const first = await reportViaApi(t, org, { title: 'Received under a calendar with too few working days' })
    const page = await b.get(first.page)
    expect(page.statusCode).toBe(200)
    expect(page.body).toMatch(/data-clock="acknowledge" data-state="error"/)
    expect(page.body).toContain("Cannot be computed: the policy's calendar has too few working days to place this deadline.")
    expect(page.body).toMatch(/data-clock="resolution" data-state="running"/)
    const row = await reportRow(t, org, first.ref)
    expect(row.acknowledge_due_at).toBeNull()
    expect(row.resolution_due_at).not.toBeNull()

    // A version stored before the limits existed (or written around them): 10^11 days made every submission a 500.
    await t.deps.db.transaction().execute((tx) =>
      insertPolicyVersion(tx, {
        id: newId(),
        orgId: org.id,
        sourceYaml: 'version: 1 # stored before the limits',
        parsedJson: JSON.stringify({
          version: 1,
          organization: { name: 'Example', slug: 'example' },
          channels: { webForm: { enabled: true } },
          calendar: { timeZone: 'Europe/Vienna' },
          clocks: { acknowledge: '100000000000 days', resolution: '300000 business days', disclosure: '90 days' },
        }),
        createdBy: null,
        createdAt: t.clock.now().toISOString(),
      }),
    )
    const second = await reportViaApi(t, org, { title: 'Received under a policy over the limits' })
    const stored = await reportRow(t, org, second.ref)
    expect(stored.title_enc).toBeTruthy()
    const secondPage = await b.get(second.page)
    expect(secondPage.statusCode).toBe(200)
    expect(secondPage.body).toMatch(/data-clock="acknowledge" data-state="error"/)
    expect(secondPage.body).toMatch(/data-clock="resolution" data-state="error"/)
    expect(secondPage.body).toContain('Cannot be computed: the policy promises more than a clock may count.')
    expect(secondPage.body).toMatch(/data-clock="disclosure" data-state="running"/)
  })

  it('finding 4: an alias bomb, a 70 KB value and 60,000 spaces are ordinary policy problems on the admin page; texts at their limits render', async () => {
    const t = app()
    const org = await t.given.org()
    const admin = await t.given.member(org, 'admin')
    const b = t.browser()
    await b.signIn(admin)
    const url = `/w/${org.slug}/admin/policy`
    await b.get(url)
    const bomb = [
      'version: 1',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    ].join('\n')
    for (const intent of ['preview', 'save']) {
      const refused = await b.submit(url, url, { source: bomb, intent })
      expect(refused.statusCode).toBe(422)
      expect(refused.body).toContain(aliasBombProblem)
      expect(refused.body).not.toContain('ReferenceError')
    }
    const valid = policyWith('{ timeZone: Europe/Vienna }', '3 business days')
    const longZone = await b.submit(url, url, {
      source: valid.replace('timeZone: Europe/Vienna', `timeZone: ${'x'.repeat(70_000)}`),
      intent: 'preview',
    })
    expect(longZone.statusCode).toBe(422)
    expect(longZone.body).toContain('calendar.timeZone: is too long: 70000 characters, at most 64 are allowed here')
    const spaces = await b.submit(url, url, { source: `${valid}\ncomments: "a${' '.repeat(60_000)}b"`, intent: 'save' })
    expect(spaces.statusCode).toBe(422)
    expect(spaces.body).toContain('comments: is too long: 60002 characters, at most 10000 are allowed here')
    // At the limit it is saved, and every public page renders it.
    const atLimit = `${valid}\ncomments: "a${' '.repeat(9_998)}b"\nsafeHarbor:\n  statement: "x${' \\n'.repeat(3_000)}y"`
    expect((await b.submit(url, url, { source: atLimit, intent: 'save' })).statusCode).toBe(303)
    for (const path of ['policy', 'SECURITY.md', 'security.txt']) {
      expect((await t.app.inject({ method: 'GET', url: `/o/${org.slug}/${path}` })).statusCode).toBe(200)
    }
  })
})
