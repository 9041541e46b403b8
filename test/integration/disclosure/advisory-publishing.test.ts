/**
 * Items 1 (review), 4 (identifiers) and the publish flow of item 6 of issue 11: review by a second
 * member when the policy asks for it, publishing that discloses the linked reports (clocks stopped,
 * reporters told), published updates, withdrawal, and own and GCVE ids allocated race-free.
 */
import { expect, it } from 'vitest'
import { findPublishedAdvisory, listPublishedAdvisories } from '../../../src/disclosure/index.js'
import { allocateGcve } from '../../../src/disclosure/use-cases/allocate-gcve.js'
import { approveAdvisory } from '../../../src/disclosure/use-cases/approve-advisory.js'
import { createAdvisory } from '../../../src/disclosure/use-cases/create-advisory.js'
import { editAdvisory } from '../../../src/disclosure/use-cases/edit-advisory.js'
import { linkReport } from '../../../src/disclosure/use-cases/link-report.js'
import { publishAdvisory } from '../../../src/disclosure/use-cases/publish-advisory.js'
import { submitAdvisory } from '../../../src/disclosure/use-cases/submit-advisory.js'
import { withdrawAdvisory } from '../../../src/disclosure/use-cases/withdraw-advisory.js'
import type { ContentInput } from '../../../src/domain/advisory/content.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { eventsOf, mailsFor, reportRow, reportViaApi } from '../policy/policy-support.js'
import { draftFor, fixedReport, orgWithAdvisories, viewerOf } from './disclosure-support.js'

const content = (over: Partial<ContentInput> = {}): ContentInput => ({
  title: 'Stored XSS in the profile page',
  summary: 'The bio is not escaped.',
  description: 'Details.',
  workarounds: '',
  affected: [],
  cwes: 'CWE-79',
  cvss31: '',
  cvss40: '',
  qualitative: 'medium',
  references: [],
  credits: [],
  cve: '',
  ...over,
})

eachDialect('advisory review, publication and identifiers', (ctx) => {
  const app = useTestApp(ctx)

  it('with review required, the member who submitted cannot approve or publish; a second member approves, then it publishes', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '  review: required')
    const alice = await t.given.member(org, 'responder', 'Alice')
    const bob = await t.given.member(org, 'responder', 'Bob')
    const { ref } = await fixedReport(t, org, alice)
    const ownId = await draftFor(t, org, ref, alice)

    const early = await publishAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(!early.ok && early.error.code).toBe('ADVISORY_REVIEW_REQUIRED')
    expect((await submitAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)
    const self = await approveAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(!self.ok && self.error.code).toBe('ADVISORY_SELF_APPROVAL')
    expect((await publishAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(false)
    expect((await approveAdvisory(t.deps, org, ownId, viewerOf(bob))).ok).toBe(true)

    // Editing the approved text voids the approval.
    expect((await editAdvisory(t.deps, org, ownId, content({ summary: 'Changed after approval.' }), viewerOf(alice))).ok).toBe(true)
    const voided = await publishAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(!voided.ok && voided.error.code).toBe('ADVISORY_REVIEW_REQUIRED')
    expect((await submitAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)
    expect((await approveAdvisory(t.deps, org, ownId, viewerOf(bob))).ok).toBe(true)
    const published = await publishAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(published.ok).toBe(true)
    expect((await reportRow(t, org, ref)).status).toBe('disclosed')
  })

  it('publishing discloses every linked fixed report, stops its disclosure clock, tells its reporter, and the public record appears', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const first = await fixedReport(t, org, alice)
    const second = await fixedReport(t, org, alice, { reporterEmail: 'second@example.net', title: 'Same bug again' })
    const ownId = await draftFor(t, org, first.ref, alice)
    expect((await linkReport(t.deps, org, ownId, second.ref, viewerOf(alice))).ok).toBe(true)
    expect((await editAdvisory(t.deps, org, ownId, content({ cve: 'CVE-2026-4242' }), viewerOf(alice))).ok).toBe(true)
    const before = (await mailsFor(t, org, first.ref)).length

    const published = await publishAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(published.ok).toBe(true)
    for (const { ref } of [first, second]) {
      const row = await reportRow(t, org, ref)
      expect(row.status).toBe('disclosed')
      expect(row.disclosure_due_at).toBeNull()
      const types = (await eventsOf(t, org, ref)).map((e) => e.type)
      expect(types).toContain('advisory.published')
      const statusMails = (await mailsFor(t, org, ref)).filter((m) => m.template === 'reporter.status-changed')
      expect(statusMails.length).toBeGreaterThan(0)
    }
    expect((await mailsFor(t, org, first.ref)).length).toBe(before + 1)

    const list = await listPublishedAdvisories(t.deps.db, org.id)
    expect(list.map((a) => a.identifiers.own)).toEqual([ownId])
    const record = await findPublishedAdvisory(t.deps.db, org.id, ownId)
    expect(record).toMatchObject({ state: 'published', revision: 1, identifiers: { own: ownId, cve: 'CVE-2026-4242' }, cwes: ['CWE-79'] })
    expect(record?.publishedAt).toBe(t.clock.now().toISOString())
  })

  it('publishing is refused while a linked report is not fixed, naming it, and nothing changes', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await reportViaApi(t, org)
    const ownId = await draftFor(t, org, ref, alice)
    const refused = await publishAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(!refused.ok && refused.error).toEqual({ code: 'ADVISORY_REPORTS_NOT_FIXED', refs: [ref] })
    expect((await reportRow(t, org, ref)).status).toBe('new')
    expect(await listPublishedAdvisories(t.deps.db, org.id)).toEqual([])
    const browser = t.browser()
    await browser.signIn(alice)
    const res = await browser.submit(`/w/${org.slug}/advisories/${ownId}`, `/w/${org.slug}/advisories/${ownId}/publish`, {})
    expect(res.statusCode).toBe(409)
    expect(res.body).toContain(`not yet: ${ref}`)
  })

  it("publishing is refused while the policy's steps before publishing are open on a linked report (Open Klant), naming them", async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '', 'open-klant')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await fixedReport(t, org, alice)
    const ownId = await draftFor(t, org, ref, alice)
    const refused = await publishAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(!refused.ok && refused.error.code).toBe('STEPS_BEFORE_PUBLISHING')
    expect(!refused.ok && refused.error.code === 'STEPS_BEFORE_PUBLISHING' && refused.error.missing).toContain('validate')
    expect((await reportRow(t, org, ref)).status).toBe('fixed')
    expect(await listPublishedAdvisories(t.deps.db, org.id)).toEqual([])
  })

  it('updating a published advisory makes a new published revision, and withdrawing needs a reason that the public record then shows', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await fixedReport(t, org, alice)
    const ownId = await draftFor(t, org, ref, alice)
    expect((await publishAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)
    t.clock.advance(60_000)
    expect((await editAdvisory(t.deps, org, ownId, content({ workarounds: 'Disable profiles.' }), viewerOf(alice))).ok).toBe(true)
    const updated = await findPublishedAdvisory(t.deps.db, org.id, ownId)
    expect(updated).toMatchObject({ state: 'published', revision: 2, workarounds: 'Disable profiles.' })

    const noReason = await withdrawAdvisory(t.deps, org, ownId, '  ', viewerOf(alice))
    expect(!noReason.ok && noReason.error.code).toBe('ADVISORY_REASON_REQUIRED')
    expect((await withdrawAdvisory(t.deps, org, ownId, 'Not a vulnerability after all.', viewerOf(alice))).ok).toBe(true)
    expect(await findPublishedAdvisory(t.deps.db, org.id, ownId)).toMatchObject({
      state: 'withdrawn',
      withdrawnReason: 'Not a vulnerability after all.',
    })
    const again = await editAdvisory(t.deps, org, ownId, content(), viewerOf(alice))
    expect(!again.ok && again.error.code).toBe('ADVISORY_ACTION_NOT_ALLOWED')
    const actions = (
      await t.deps.db.selectFrom('advisory_revision').select('action').where('org_id', '=', org.id).orderBy('seq').execute()
    ).map((r) => r.action)
    expect(actions).toEqual(['created', 'published', 'updated', 'withdrawn'])
  })

  it('own advisory ids are allocated without duplicates or gaps when members draft at the same moment, with the policy prefix', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '  idPrefix: ALKEMIO')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await reportViaApi(t, org)
    const created = await Promise.all(
      Array.from({ length: 12 }, () => createAdvisory(t.deps, org, ref, 'Concurrent draft', viewerOf(alice))),
    )
    const ids = created.map((c) => (c.ok ? c.value.ownId : 'failed')).sort()
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `ALKEMIO-2026-${String(i + 1).padStart(4, '0')}`))
  })

  it('GCVE ids are allocated race-free for a GCVE numbering authority, and refused for an organization that is none', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '  gcve:\n    gna: 1337')
    const alice = await t.given.member(org, 'responder')
    const { ref } = await reportViaApi(t, org)
    const ownIds = []
    for (let i = 0; i < 10; i++) ownIds.push(await draftFor(t, org, ref, alice))
    const allocated = await Promise.all(ownIds.map((id) => allocateGcve(t.deps, org, id, viewerOf(alice))))
    const gcves = allocated.map((a) => (a.ok ? a.value.gcve : 'failed')).sort()
    expect(gcves).toEqual(Array.from({ length: 10 }, (_, i) => `GCVE-1337-2026-${String(i + 1).padStart(4, '0')}`))
    const twice = await allocateGcve(t.deps, org, ownIds[0] as string, viewerOf(alice))
    expect(!twice.ok && twice.error.code).toBe('ADVISORY_GCVE_ALREADY')

    const plain = await orgWithAdvisories(t, '')
    const bob = await t.given.member(plain, 'responder')
    const other = await reportViaApi(t, plain)
    const refused = await allocateGcve(t.deps, plain, await draftFor(t, plain, other.ref, bob), viewerOf(bob))
    expect(!refused.ok && refused.error.code).toBe('ADVISORY_GCVE_NOT_CONFIGURED')
  })
})
