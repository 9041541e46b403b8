/**
 * The queue for real work (issue 14 item 5): filters that combine and stay in the address, search
 * by reference, words and the reporter's address through the blind index (no word stored, nothing
 * across organizations, nothing a member may not read), and saved views.
 */
import { expect, it } from 'vitest'
import { submitReport } from '../../../src/intake/use-cases/submit-report.js'
import { claimReport } from '../../../src/workspace/use-cases/claim-report.js'
import { markWaitingOnReporter } from '../../../src/workspace/use-cases/mark-waiting-on-reporter.js'
import { setLabels } from '../../../src/workspace/use-cases/set-labels.js'
import { setSeverity } from '../../../src/workspace/use-cases/set-severity.js'
import { asMember, type Browser, submitAndFollow, type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { aboutFirstProgram, at, orgWithPreset, reportViaApi } from '../policy/policy-support.js'

/** The report references a queue page lists, in order. */
const refsOn = (html: string, slug: string) => [
  ...new Set([...html.matchAll(new RegExp(`/w/${slug}/reports/([A-Z0-9]+-\\d{4}-\\d+)"`, 'g'))].map((m) => m[1]!)),
]

async function queue(b: Browser, slug: string, query: string): Promise<string[]> {
  const res = await b.get(`/w/${slug}/reports?${query}`)
  expect(res.statusCode).toBe(200)
  return refsOn(res.body, slug)
}

/** An Alkemio-policy organization (label `informational`, program `alkemio`) with three reports that differ on every filter. */
async function threeReports(t: TestApp) {
  at(t, '2026-12-01T09:00:00.000Z')
  const org = await orgWithPreset(t, 'alkemio')
  const alice = await t.given.member(org, 'responder', 'Alice Alkemio')
  const one = await reportViaApi(t, org, {
    title: 'SQL injection in the login form',
    description: 'The username parameter is concatenated into the query.',
    reporterEmail: 'Finder@Example.NET',
  })
  const web = await submitReport(
    t.deps,
    org,
    { title: 'Open redirect after logout', description: 'The next parameter is followed anywhere.', ...(await aboutFirstProgram(t, org)) },
    'web',
  )
  if (!web.ok) throw new Error(JSON.stringify(web.error))
  const three = await reportViaApi(t, org, {
    title: 'Clickjacking on settings',
    description: 'No frame options are sent.',
    reporterEmail: 'other-finder@example.org',
  })
  const member = asMember(alice)
  expect((await claimReport(t.deps, org, one.ref, member)).ok).toBe(true)
  expect((await setSeverity(t.deps, org, one.ref, 'high', member)).ok).toBe(true)
  expect((await setLabels(t.deps, org, one.ref, ['informational'], member)).ok).toBe(true)
  expect((await setSeverity(t.deps, org, web.value.ref, 'low', member)).ok).toBe(true)
  expect((await markWaitingOnReporter(t.deps, org, three.ref, member)).ok).toBe(true)
  const b = t.browser()
  await b.signIn(alice)
  return { org, alice, b, one, two: web.value.ref, three }
}

eachDialect('the queue for real work', (ctx) => {
  const app = useTestApp(ctx)

  it('filters by severity, program, label, assignee, channel and due state, combined, in the address', async () => {
    const t = app()
    const { org, alice, b, one, two, three } = await threeReports(t)
    const s = org.slug
    expect((await queue(b, s, 'status=all')).sort()).toEqual([one.ref, two, three.ref].sort())
    expect(await queue(b, s, 'severity=high')).toEqual([one.ref])
    expect(await queue(b, s, 'severity=low')).toEqual([two])
    expect(await queue(b, s, 'severity=none')).toEqual([three.ref])
    expect(await queue(b, s, 'label=informational')).toEqual([one.ref])
    expect(await queue(b, s, 'channel=web')).toEqual([two])
    expect((await queue(b, s, 'channel=api')).sort()).toEqual([one.ref, three.ref].sort())
    expect(await queue(b, s, 'assignee=me')).toEqual([one.ref])
    expect(await queue(b, s, `assignee=${alice.id}`)).toEqual([one.ref])
    expect((await queue(b, s, 'assignee=none')).sort()).toEqual([two, three.ref].sort())
    expect((await queue(b, s, 'program=alkemio')).sort()).toEqual([one.ref, two, three.ref].sort())
    expect(await queue(b, s, 'program=no-such-program')).toEqual([])
    expect(await queue(b, s, 'due=paused')).toEqual([three.ref])
    expect(await queue(b, s, 'due=overdue')).toEqual([])
    expect((await queue(b, s, 'due=on-time')).sort()).toEqual([one.ref, two, three.ref].sort())
    // Combined: every filter must hold.
    expect(await queue(b, s, 'severity=high&assignee=none')).toEqual([])
    expect(await queue(b, s, 'severity=low&channel=web&assignee=none')).toEqual([two])
    // The form shows the filters of the address, so the page is the bookmark.
    const page = await b.get(`/w/${s}/reports?severity=low&channel=web`)
    expect(page.body).toMatch(/<option value="low" selected/)
    expect(page.body).toMatch(/<option value="web" selected/)
    // The row shows the program, the label and the channel.
    const all = (await b.get(`/w/${s}/reports?label=informational`)).body
    expect(all).toContain('Alkemio')
    expect(all).toContain('informational')
    // A month later the clocks are overdue (and the session has expired: sign in again).
    at(t, '2027-01-15T09:00:00.000Z')
    await b.signIn(alice)
    expect(await queue(b, s, 'due=overdue')).toContain(one.ref)
    expect((await b.get(`/w/${s}/reports?due=overdue`)).body).toContain('overdue')
  })

  it('searches by reference, by words of the title, text and replies, and by the reporter address, storing no word', async () => {
    const t = app()
    const { org, b, one, two, three } = await threeReports(t)
    const s = org.slug
    const search = (q: string) => queue(b, s, `status=all&q=${encodeURIComponent(q)}`)
    expect(await search('injection')).toEqual([one.ref])
    expect(await search('INJECTION Login')).toEqual([one.ref])
    expect(await search('username concatenated')).toEqual([one.ref])
    expect(await search('injection redirect')).toEqual([])
    expect(await search('finder@example.net')).toEqual([one.ref])
    expect(await search('FINDER@example.NET')).toEqual([one.ref])
    expect(await search(two.toLowerCase())).toEqual([two])
    expect(await search('frame')).toEqual([three.ref])
    // Words shorter than three letters search nothing, and the page says why.
    const short = await b.get(`/w/${s}/reports?q=${encodeURIComponent('xs')}`)
    expect(refsOn(short.body, s)).toEqual([])
    expect(short.body).toContain('at least 3 letters')
    // A reporter's reply is searchable as soon as it is stored.
    expect((await one.reporter.submit('/follow-up', '/follow-up/reply', { body: 'Also the zebracorn endpoint.' })).statusCode).toBe(303)
    expect(await search('zebracorn')).toEqual([one.ref])

    // The database holds keyed hashes, never the words or the address.
    const tokens = await t.deps.db.selectFrom('report_search_token').select(['token', 'report_id']).where('org_id', '=', org.id).execute()
    expect(tokens.length).toBeGreaterThan(20)
    for (const { token } of tokens) {
      expect(token).toMatch(/^[0-9a-f]{64}$/)
      for (const word of ['injection', 'zebracorn', 'finder', 'example.net', 'login']) expect(token).not.toContain(word)
    }

    // Another organization with the same words: its tokens differ, and it never matches here.
    const other = await orgWithPreset(t, 'alkemio')
    const theirs = await reportViaApi(t, other, { title: 'SQL injection in the login form', reporterEmail: 'finder@example.net' })
    const otherTokens = await t.deps.db.selectFrom('report_search_token').select('token').where('org_id', '=', other.id).execute()
    const ours = new Set(tokens.map((r) => r.token))
    expect(otherTokens.length).toBeGreaterThan(3)
    expect(otherTokens.filter((r) => ours.has(r.token))).toEqual([])
    expect(await search('injection')).toEqual([one.ref])
    expect(await search(theirs.ref)).toEqual([])
  })

  it('indexes the reports stored before the index existed on the first search', async () => {
    const t = app()
    const { org, b, one } = await threeReports(t)
    // As after the migration: reports without tokens, no backfill yet.
    await t.deps.db.deleteFrom('report_search_token').where('org_id', '=', org.id).execute()
    await t.deps.db.deleteFrom('search_index_state').where('org_id', '=', org.id).execute()
    expect(await queue(b, org.slug, 'q=injection')).toEqual([one.ref])
    expect(await queue(b, org.slug, 'q=finder%40example.net')).toEqual([one.ref])
    const state = await t.deps.db.selectFrom('search_index_state').select('org_id').where('org_id', '=', org.id).execute()
    expect(state).toHaveLength(1)
  })

  it('never finds, by search or by what it withholds, a report the member may not read', async () => {
    const t = app()
    at(t, '2026-12-01T09:00:00.000Z')
    const org = await orgWithPreset(t, 'khulnasoft')
    const alice = await t.given.member(org, 'responder', 'Alice Holder')
    const bob = await t.given.member(org, 'responder', 'Bob Bystander')
    const admin = await t.given.member(org, 'admin', 'Ada Admin')
    const held = await reportViaApi(t, org, { title: 'Heap overflow in the parser', reporterEmail: 'secret-finder@example.net' })
    expect((await claimReport(t.deps, org, held.ref, asMember(alice))).ok).toBe(true)
    expect((await setSeverity(t.deps, org, held.ref, 'critical', asMember(alice))).ok).toBe(true)
    const as = async (m: typeof alice) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    const [a, bb, ad] = [await as(alice), await as(bob), await as(admin)]
    // Bob sees that it exists (the queue always showed that) …
    expect(await queue(bb, org.slug, '')).toContain(held.ref)
    // … but no search or filter on what he may not read finds it.
    for (const q of ['q=overflow', 'q=secret-finder%40example.net', 'severity=critical', 'program=khulnasoft', 'channel=api']) {
      const page = await bb.get(`/w/${org.slug}/reports?${q}`)
      expect(refsOn(page.body, org.slug), q).toEqual([])
    }
    expect(await queue(a, org.slug, 'q=overflow')).toEqual([held.ref])
    expect(await queue(a, org.slug, 'severity=critical')).toEqual([held.ref])
    expect(await queue(ad, org.slug, 'q=overflow')).toEqual([held.ref])
  })

  it('offers the built-in views and saves, lists and deletes a member’s own views (post/redirect/get)', async () => {
    const t = app()
    const { org, b, one, two } = await threeReports(t)
    const s = org.slug
    const page = (await b.get(`/w/${s}/reports`)).body
    expect(page).toContain(`href="/w/${s}/reports?assignee=me"`)
    expect(page).toContain(`href="/w/${s}/reports?assignee=none"`)
    expect(page).toContain(`href="/w/${s}/reports?due=week&amp;sort=due"`)

    const saved = await submitAndFollow(b, `/w/${s}/reports?severity=low&channel=web`, `/w/${s}/queue-views`, {
      name: 'Low on the web',
      query: 'severity=low&channel=web',
    })
    expect(saved.status).toBe(303)
    expect(saved.location).toBe(`/w/${s}/reports?severity=low&channel=web`)
    expect(saved.page.body).toContain('View “Low on the web” saved.')
    expect(refsOn(saved.page.body, s)).toEqual([two])
    expect(saved.page.body).toMatch(/href="\/w\/[^"]+\/reports\?severity=low&amp;channel=web"[^>]*>Low on the web</)

    // Stored sealed: a view may hold search words.
    const stored = await t.deps.db.selectFrom('saved_view').select('query_enc').where('org_id', '=', org.id).execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.query_enc).not.toContain('severity')
    // Nobody else sees it.
    const other = await t.given.member(org, 'responder', 'Olga Other')
    const ob = t.browser()
    await ob.signIn(other)
    expect((await ob.get(`/w/${s}/reports`)).body).not.toContain('Low on the web')

    const nameless = await submitAndFollow(b, `/w/${s}/reports`, `/w/${s}/queue-views`, { name: '  ', query: 'assignee=me' })
    expect(nameless.status).toBe(303)
    expect(nameless.page.body).toContain('Give the view a name')
    expect(refsOn(nameless.page.body, s)).toEqual([one.ref])

    const listed = (await b.get(`/w/${s}/reports`)).body
    const action = /action="(\/w\/[^"]+\/queue-views\/[^"]+\/delete)"/.exec(listed)?.[1]
    expect(action).toBeDefined()
    // Another member cannot delete it.
    const foreign = await submitAndFollow(ob, `/w/${s}/reports`, action!, {})
    expect(foreign.page.body).toContain('That view does not exist any more.')
    const deleted = await submitAndFollow(b, `/w/${s}/reports`, action!, {})
    expect(deleted.status).toBe(303)
    expect(deleted.page.body).toContain('View “Low on the web” deleted.')
    expect(deleted.page.body).not.toContain('>Low on the web<')
  })
})
