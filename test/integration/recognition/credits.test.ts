/**
 * Recognition with the seed policies (issue 11, items 3 and 7): Alkemio credits the reporter in
 * the advisory unless they decline; Kumi sends a t-shirt to the first reporter of a non-trivial
 * vulnerability and lists reporters who ask for it on its hall of fame.
 */
import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import { consentedCredits } from '../../../src/storage/repositories/report-credit-repository.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { eventsOf, mailsFor, orgWithPreset, reportRow, reportViaApi } from '../policy/policy-support.js'

/** What the lead's advisory will name for these reports. */
async function advisoryCredits(t: TestApp, org: OrganizationRow, refs: string[]) {
  const ids = await Promise.all(refs.map(async (ref) => (await reportRow(t, org, ref)).id))
  return consentedCredits(t.deps.db, cipherFor(t.deps, org), org.id, ids)
}

/** Every public page of the organization, as a stranger sees it. */
async function publicPages(t: TestApp, org: OrganizationRow): Promise<string> {
  const urls = [
    `/o/${org.slug}`,
    `/o/${org.slug}/hall-of-fame`,
    `/o/${org.slug}/policy`,
    `/o/${org.slug}/SECURITY.md`,
    `/o/${org.slug}/security.txt`,
  ]
  const bodies = await Promise.all(urls.map((url) => t.app.inject({ method: 'GET', url })))
  return bodies.map((r) => r.body).join('\n')
}

async function moveTo(browser: ReturnType<TestApp['browser']>, page: string, statuses: string[]) {
  for (const to of statuses) {
    const res = await browser.submit(page, `${page}/status`, { to })
    expect(res.statusCode, `to ${to}`).toBe(303)
  }
}

eachDialect('recognition', (ctx) => {
  const app = useTestApp(ctx)

  it('Alkemio credits the reporter in the advisory unless they decline, and tells them what it proposes', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    const alice = await t.given.member(org, 'responder', 'Alice Alkemio')
    const { ref, page, reporter } = await reportViaApi(t, org, { reporterName: 'Ada Finder' })
    const a = t.browser()
    await a.signIn(alice)
    // The proposal starts from the name the reporter gave.
    const panel = await a.get(page)
    expect(panel.body).toContain('The policy credits the reporter unless they decline.')
    expect(panel.body).toContain('value="Ada Finder"')
    const proposed = await a.submit(page, `${page}/credits/reporter`, { name: 'Ada Finder', role: 'finder' })
    expect(proposed.statusCode).toBe(303)

    // Named without an answer: the reporter chose "by my name" and did not decline.
    expect(await advisoryCredits(t, org, [ref])).toEqual([{ name: 'Ada Finder', role: 'finder' }])
    const mail = (await mailsFor(t, org, ref)).find((m) => m.template === 'reporter.credit-proposed')
    expect(mail?.to).toBe('finder@example.net')
    const followUp = await reporter.get('/follow-up')
    expect(followUp.body).toContain('We propose to credit you as')
    expect(followUp.body).toContain('Ada Finder')
    expect(followUp.body).toContain('this line will be published with the advisory')
    const events = await eventsOf(t, org, ref)
    expect(events.map((e) => e.type)).toContain('credit.proposed')
    // The event log is not encrypted: the name is never in it.
    expect(JSON.stringify(events)).not.toContain('Ada Finder')
    expect((await a.get(page)).body).toContain('Credit proposed to the reporter (finder)')
  })

  it('a reporter who declines credit is not named in the advisory nor anywhere public', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    const alice = await t.given.member(org, 'responder', 'Alice Alkemio')
    const { ref, page, reporter } = await reportViaApi(t, org, { reporterName: 'Quiet Quentin' })
    const a = t.browser()
    await a.signIn(alice)
    await a.submit(page, `${page}/credits/reporter`, { name: 'Quiet Quentin', role: 'finder' })
    await a.submit(page, `${page}/credits`, { name: 'Alice Alkemio', role: 'coordinator' })
    const declined = await reporter.submit('/follow-up', '/follow-up/credit', { answer: 'decline', name: 'Quiet Quentin' })
    expect(declined.statusCode).toBe(303)
    expect((await reporter.get('/follow-up')).body).toContain('You declined: we will not name you.')
    // The team's own credit stays; the reporter's is gone.
    expect(await advisoryCredits(t, org, [ref])).toEqual([{ name: 'Alice Alkemio', role: 'coordinator' }])
    expect(await publicPages(t, org)).not.toContain('Quiet Quentin')
    expect((await eventsOf(t, org, ref)).map((e) => e.type)).toContain('credit.declined')
    expect((await a.get(page)).body).toContain('Declined by the reporter')
  })

  it('a reporter who chose "anonymous" on the form is not named until they accept the proposed line', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    const alice = await t.given.member(org, 'responder')
    const { ref, page, reporter } = await reportViaApi(t, org, { reporterName: 'Hidden Hanna', creditPreference: 'anonymous' })
    const a = t.browser()
    await a.signIn(alice)
    expect((await a.get(page)).body).not.toContain('value="Hidden Hanna"')
    await a.submit(page, `${page}/credits/reporter`, { name: 'Hidden Hanna', role: 'finder' })
    expect(await advisoryCredits(t, org, [ref])).toEqual([])
    await reporter.submit('/follow-up', '/follow-up/credit', { answer: 'accept', name: 'H. H.' })
    expect(await advisoryCredits(t, org, [ref])).toEqual([{ name: 'H. H.', role: 'finder' }])
  })

  it("Kumi's first reporter of a non-trivial vulnerability gets the t-shirt recorded and is on the hall of fame", async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const org = await orgWithPreset(t, 'kumi-systems')
    const kim = await t.given.member(org, 'responder', 'Kim Kumi')
    const first = await reportViaApi(t, org, { reporterName: 'Grace', creditPreference: 'name' })
    const second = await reportViaApi(t, org, { reporterName: 'Late Larry', creditPreference: 'name' })
    const k = t.browser()
    await k.signIn(kim)
    const { page } = first
    expect((await k.submit(page, `${page}/severity`, { severity: 'high' })).statusCode).toBe(303)
    await k.submit(page, `${page}/credits/reporter`, { name: 'Grace', role: 'finder' })
    // The reporter accepts under a changed name.
    const accepted = await first.reporter.submit('/follow-up', '/follow-up/credit', { answer: 'accept', name: 'Grace H.' })
    expect(accepted.statusCode).toBe(303)
    const panel = await k.get(page)
    expect(panel.body).toContain('Accepted by the reporter')
    expect(panel.body).toContain('A free Kumi Systems t-shirt.')
    // The t-shirt is the policy's second reward.
    expect((await k.submit(page, `${page}/rewards`, { reward: '1' })).statusCode).toBe(303)
    expect((await k.submit(page, `${page}/rewards`, { reward: '1' })).statusCode).toBe(409)
    const rewardId = /\/rewards\/([0-9a-f-]+)\/sent/.exec((await k.get(page)).body)?.[1]
    expect(rewardId).toBeDefined()
    t.clock.advance(60 * 60 * 1000)
    expect((await k.submit(page, `${page}/rewards/${rewardId}/sent`, {})).statusCode).toBe(303)
    const types = (await eventsOf(t, org, first.ref)).map((e) => e.type)
    expect(types).toEqual(expect.arrayContaining(['credit.accepted', 'reward.recorded', 'reward.sent']))
    expect((await k.get(page)).body).toContain('Reward sent: T-shirt')

    // The second report of the same vulnerability is a duplicate: its reporter was not first.
    await k.submit(second.page, `${second.page}/severity`, { severity: 'high' })
    await k.submit(second.page, `${second.page}/status`, { to: 'duplicate', duplicateOf: first.ref })
    expect((await k.submit(second.page, `${second.page}/rewards`, { reward: '1' })).statusCode).toBe(409)
    // Late Larry asked at intake, but Kumi's hall of fame is on request and his report is no fix.
    await k.submit(second.page, `${second.page}/credits/reporter`, { name: 'Late Larry', role: 'finder' })

    // Listed once the vulnerability is fixed, and only then.
    expect((await t.app.inject({ method: 'GET', url: `/o/${org.slug}/hall-of-fame` })).body).not.toContain('Grace H.')
    await moveTo(k, page, ['acknowledged', 'triaged', 'accepted', 'fixing', 'fixed'])
    const orgPage = await t.app.inject({ method: 'GET', url: `/o/${org.slug}` })
    expect(orgPage.body).toContain(`href="/o/${org.slug}/hall-of-fame"`)
    const hall = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/hall-of-fame` })
    expect(hall.statusCode).toBe(200)
    expect(hall.body).toContain('2026')
    expect(hall.body).toContain('Grace H.')
    expect(hall.body).not.toContain('Late Larry')
    expect(hall.body).not.toContain('<script')
  })

  it('a hostile credit name is shown as text on the hall of fame', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'kumi-systems')
    const kim = await t.given.member(org, 'responder')
    const { page, reporter } = await reportViaApi(t, org, { reporterName: 'Mallory', creditPreference: 'name' })
    const k = t.browser()
    await k.signIn(kim)
    await k.submit(page, `${page}/credits/reporter`, { name: 'Mallory', role: 'finder' })
    await reporter.submit('/follow-up', '/follow-up/credit', { answer: 'accept', name: '<img src=x onerror=alert(1)>' })
    // A bidirectional override that would disguise the name is refused.
    const disguised = await reporter.submit('/follow-up', '/follow-up/credit', { answer: 'accept', name: 'Mallory\u202Eevil' })
    expect(disguised.statusCode).toBe(422)
    await moveTo(k, page, ['acknowledged', 'triaged', 'accepted', 'fixing', 'fixed'])
    const hall = await t.app.inject({ method: 'GET', url: `/o/${org.slug}/hall-of-fame` })
    expect(hall.body).toContain('<strong>&lt;img src=x onerror=alert(1)')
    expect(hall.body).not.toContain('<img src=x')
  })

  it('an organization whose policy keeps no hall of fame has no such page and no link to one', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    expect((await t.app.inject({ method: 'GET', url: `/o/${org.slug}/hall-of-fame` })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: `/o/${org.slug}` })).body).not.toContain('hall-of-fame')
  })

  it('under need to know, a responder who does not hold the report neither sees nor changes its credit lines', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'khulnasoft')
    const alice = await t.given.member(org, 'responder', 'Alice Holder')
    const bob = await t.given.member(org, 'responder', 'Bob Bystander')
    const { page } = await reportViaApi(t, org, { reporterName: 'Secret Sam', creditPreference: 'name' })
    const a = t.browser()
    await a.signIn(alice)
    await a.submit(page, `${page}/claim`, {})
    expect((await a.submit(page, `${page}/credits/reporter`, { name: 'Secret Sam', role: 'finder' })).statusCode).toBe(303)
    const b = t.browser()
    await b.signIn(bob)
    expect((await b.get(page)).body).not.toContain('Secret Sam')
    expect((await b.submit(page, `${page}/credits/reporter`, { name: 'Bob was here', role: 'finder' })).statusCode).toBe(403)
    expect((await b.submit(page, `${page}/credits`, { name: 'Bob was here', role: 'analyst' })).statusCode).toBe(403)
    expect((await a.get(page)).body).not.toContain('Bob was here')
  })

  it("a bounty is recorded with the policy's amount for the report's severity, and a typed amount must be whole with a currency", async () => {
    const t = app()
    const org = await t.given.org()
    const preset = readPreset('kumi-systems')
    if (!preset) throw new Error('no kumi-systems preset')
    const withBounty = preset.source
      .replace('  bounty: false', '  bounty: true')
      .replace(
        '      conditions: [by-severity]\n',
        '      conditions: [by-severity]\n    - kind: money\n      description: A bounty.\n      conditions: [by-severity]\n      amounts: { currency: EUR, medium: 150, high: 500 }\n',
      )
    expect(withBounty).not.toBe(preset.source)
    const imported = await importPolicy(t.deps, org, withBounty, preset.fileName, null)
    expect(imported.ok, JSON.stringify(imported)).toBe(true)
    const kim = await t.given.member(org, 'responder')
    const { ref, page } = await reportViaApi(t, org)
    const k = t.browser()
    await k.signIn(kim)
    await k.submit(page, `${page}/severity`, { severity: 'high' })
    expect((await k.get(page)).body).toContain('value="500"')
    expect((await k.submit(page, `${page}/rewards`, { reward: '3', amount: '12.50', currency: 'EUR' })).statusCode).toBe(422)
    expect((await k.submit(page, `${page}/rewards`, { reward: '3', amount: '', currency: '' })).statusCode).toBe(303)
    const recorded = (await eventsOf(t, org, ref)).find((e) => e.type === 'reward.recorded')
    expect(recorded?.data).toMatchObject({ kind: 'money', amount: 500, currency: 'EUR' })
    expect((await k.get(page)).body).toContain('Reward recorded: Bounty (500 EUR)')
  })
})
