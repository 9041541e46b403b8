/**
 * Issue 10, item 4: the workflow, the policy's steps and the clocks agree. Steps follow statuses,
 * final statuses stop clocks (and say why), labels come from the current policy, the rejection
 * reason reaches the reporter (previewed first), the reporter sees the steps meant for them, and
 * the escalation page says one thing.
 */
import { expect, it } from 'vitest'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { at, basePolicy, orgWithPolicy, reportViaApi } from './policy-support.js'

const process = `process:
  - id: triage
    title: Triage the report
    visibleTo: [team, reporter]
    requiredBefore: accepted
  - id: fix
    title: Prepare the fix
    doneAt: fixed
  - id: internal-review
    title: Internal review
labels:
  - name: informational
    description: No security impact
`

eachDialect('workflow, steps and clocks agree', (ctx) => {
  const app = useTestApp(ctx)

  async function setUp(extra = process) {
    const t = app()
    at(t, '2026-11-30T09:00:00.000Z')
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, extra))
    const alice = await t.given.member(org, 'responder', 'Alice')
    const a = t.browser()
    await a.signIn(alice)
    return { t, org, a }
  }

  it('a step tied to a status is required before it, and done when the report reaches it', async () => {
    const { t, org, a } = await setUp()
    const { page } = await reportViaApi(t, org)
    await a.submit(page, `${page}/claim`, {})
    for (const to of ['acknowledged', 'triaged']) expect((await a.submit(page, `${page}/status`, { to })).statusCode).toBe(303)
    const refused = await submitAndFollow(a, page, `${page}/status`, { to: 'accepted' })
    expect(refused.location).toBe(page) // refused: back on the report page, which says why
    expect(refused.page.body).toContain('The policy requires these steps before this status: triage.')
    expect((await a.submit(page, `${page}/steps`, { step: 'triage' })).statusCode).toBe(303)
    for (const to of ['accepted', 'fixing', 'fixed']) expect((await a.submit(page, `${page}/status`, { to })).statusCode).toBe(303)
    const shown = (await a.get(page)).body
    expect(shown).toContain('data-step="fix" data-state="done"')
    expect(shown).toContain('data-step="internal-review" data-state="open"')
  })

  it('after disclosure no step stays "Open" and the reporter-update clock is stopped, not met', async () => {
    const { t, org, a } = await setUp()
    const { page } = await reportViaApi(t, org)
    await a.submit(page, `${page}/claim`, {})
    await a.submit(page, `${page}/steps`, { step: 'triage' })
    for (const to of ['acknowledged', 'triaged', 'accepted', 'fixing', 'fixed', 'disclosed']) {
      expect((await a.submit(page, `${page}/status`, { to })).statusCode).toBe(303)
    }
    const shown = (await a.get(page)).body
    expect(shown).not.toMatch(/data-step="[^"]+" data-state="open"/)
    expect(shown).toContain('data-step="internal-review" data-state="lapsed"')
    expect(shown).toContain('Not recorded')
    expect(shown).toContain('data-clock="reporter-update" data-state="stopped"')
    expect(shown).toContain('Stopped: disclosed')
  })

  it('a rejected report shows its clocks stopped by the rejection, never met', async () => {
    const { t, org, a } = await setUp()
    const { page } = await reportViaApi(t, org)
    await a.submit(page, `${page}/claim`, {})
    expect((await a.submit(page, `${page}/status`, { to: 'rejected', reason: 'Out of scope.' })).statusCode).toBe(303)
    const shown = (await a.get(page)).body
    expect(shown).toContain('data-clock="acknowledge" data-state="stopped"')
    expect(shown).toContain('data-clock="resolution" data-state="stopped"')
    expect(shown).toContain('Stopped: rejected')
    expect(shown).not.toContain('data-state="met"')
  })

  it('a duplicate shows its clocks as stopped by the duplicate', async () => {
    const { t, org, a } = await setUp()
    const first = await reportViaApi(t, org)
    const { page } = await reportViaApi(t, org)
    await a.submit(page, `${page}/claim`, {})
    expect((await a.submit(page, `${page}/status`, { to: 'duplicate', duplicateOf: first.ref })).statusCode).toBe(303)
    expect((await a.get(page)).body).toContain('Stopped: duplicate')
  })

  it('labels a later policy version defines can be set on a report received under an earlier one', async () => {
    const { t, org, a } = await setUp('')
    const { page } = await reportViaApi(t, org)
    expect((await a.get(page)).body).not.toContain('name="labels"')
    const newer = basePolicy(org.slug, 'labels:\n  - name: needs-cve\n    description: Request a CVE\n')
    expect((await importPolicy(t.deps, org, newer, 'policy.yaml', null)).ok).toBe(true)
    expect((await a.get(page)).body).toContain('value="needs-cve"')
    await a.submit(page, `${page}/claim`, {})
    expect((await a.submit(page, `${page}/labels`, { labels: 'needs-cve' })).statusCode).toBe(303)
    expect((await a.get(page)).body).toMatch(/value="needs-cve" checked/)
  })

  it('the team previews the rejection, and the reporter reads the reason on the follow-up page', async () => {
    const { t, org, a } = await setUp()
    const { page, reporter } = await reportViaApi(t, org)
    await a.submit(page, `${page}/claim`, {})
    const reason = 'This is **expected behaviour**: the endpoint is public by design.'
    const preview = await a.submit(page, `${page}/status`, { to: 'rejected', reason, preview: '1' })
    expect(preview.statusCode).toBe(200)
    expect(preview.body).toContain('This is what the reporter will see')
    expect(preview.body).toContain('<strong>expected behaviour</strong>')
    expect(preview.body).toContain('they also get a notice')
    // Nothing was sent by the preview.
    expect((await reporter.get('/follow-up')).body).not.toContain('Why your report was rejected')
    const sent = await a.submit(page, `${page}/status`, { to: 'rejected', reason })
    expect(sent.statusCode).toBe(303)
    const followUp = (await reporter.get('/follow-up')).body
    expect(followUp).toContain('Why your report was rejected')
    expect(followUp).toContain('<strong>expected behaviour</strong>')
  })

  it('the reporter sees the steps marked visible to them, and only those', async () => {
    const { t, org, a } = await setUp()
    const { page, reporter } = await reportViaApi(t, org)
    let followUp = (await reporter.get('/follow-up')).body
    expect(followUp).toContain('How your report is handled')
    expect(followUp).toContain('data-step="triage" data-state="open"')
    expect(followUp).not.toContain('Internal review')
    await a.submit(page, `${page}/claim`, {})
    await a.submit(page, `${page}/steps`, { step: 'triage' })
    followUp = (await reporter.get('/follow-up')).body
    expect(followUp).toContain('data-step="triage" data-state="done"')
  })

  it('the escalation page says the policy does not offer escalation, and nothing else, when it does not', async () => {
    const { t, org } = await setUp()
    const { reporter } = await reportViaApi(t, org)
    expect((await reporter.get('/follow-up')).body).not.toContain('/follow-up/escalate')
    const page = (await reporter.get('/follow-up/escalate')).body
    expect(page).toContain('does not offer escalation')
    expect(page).not.toContain('lets you escalate')
  })
})
