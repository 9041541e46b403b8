/**
 * Open Klant's steps 4–8 inside Embargo (issue 11, "done when"): with the open-klant preset and a
 * fixed report, the team records the steps its policy requires before publishing (presets/
 * open-klant.yaml: validate, confirm, private-issue, draft-advisory, request-cve — optional —,
 * patch), drafts the advisory with its severity, enters the CVE, publishes (the `release` step:
 * the first one the public sees), and then records `announce`.
 *
 * What Embargo cannot do the way the policy says, pinned here so a change is noticed:
 * - `release` is not marked done by publishing the advisory: the step also covers merging the fix,
 *   the release and updating managed instances, which happen outside Embargo, so the team records
 *   it by hand after publishing; `announce` waits for it (STEP_OUT_OF_ORDER) until then.
 * - `announce` (commonground.nl) happens outside Embargo: Embargo only records that it was done.
 */
import { expect, it } from 'vitest'
import { findPublishedAdvisory } from '../../../src/disclosure/index.js'
import { editAdvisory } from '../../../src/disclosure/use-cases/edit-advisory.js'
import { publishAdvisory } from '../../../src/disclosure/use-cases/publish-advisory.js'
import type { ContentInput } from '../../../src/domain/advisory/content.js'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { stepStates } from '../../../src/domain/policy/process-steps.js'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { recordStep } from '../../../src/workspace/use-cases/record-step.js'
import { asMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { eventsOf, reportRow } from '../policy/policy-support.js'
import { draftFor, fixedReport, orgWithAdvisories, viewerOf } from './disclosure-support.js'

const content: ContentInput = {
  title: 'Klant records of another organization readable through the API',
  summary: 'A missing object-level permission check lets a token of one organization read klant records of another.',
  description: 'The `/klanten` detail endpoint does not check the organization of the token.',
  workarounds: 'Restrict API tokens to trusted applications until the update is installed.',
  affected: [],
  cwes: 'CWE-639',
  cvss31: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
  cvss40: '',
  qualitative: '',
  references: [],
  credits: [],
  cve: '',
}

eachDialect('Open Klant’s steps 4–8 inside Embargo', (ctx) => {
  const app = useTestApp(ctx)

  it('the team records the steps the policy requires, drafts the advisory with severity and a CVE, publishes it, and the announce step is done', async () => {
    const t = app()
    const org = await orgWithAdvisories(t, '', 'open-klant')
    const alice = await t.given.member(org, 'responder', 'Alice')
    const { ref } = await fixedReport(t, org, alice)
    const step = (id: string, skip = false) => recordStep(t.deps, org, ref, id, skip, asMember(alice))

    // Steps 1–3 of the policy, done before the advisory (validate → confirm → private-issue).
    for (const id of ['validate', 'confirm', 'private-issue']) expect((await step(id)).ok, id).toBe(true)

    // Step 4: the draft advisory, with severity and impact.
    const ownId = await draftFor(t, org, ref, alice, content.title)
    expect((await editAdvisory(t.deps, org, ownId, content, viewerOf(alice))).ok).toBe(true)
    expect((await step('draft-advisory')).ok).toBe(true)

    // Publishing before the patch step is refused, naming what is still open.
    const early = await publishAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(!early.ok && early.error).toEqual({ code: 'STEPS_BEFORE_PUBLISHING', missing: ['request-cve', 'patch'] })

    // Step 5: the CVE, entered by hand (the policy's "if appropriate": here it is).
    expect((await editAdvisory(t.deps, org, ownId, { ...content, cve: 'CVE-2026-41234' }, viewerOf(alice))).ok).toBe(true)
    expect((await step('request-cve')).ok).toBe(true)
    // Step 6: the patch in the private fork (outside Embargo), recorded.
    expect((await step('patch')).ok).toBe(true)

    // Step 7: publish.
    const published = await publishAdvisory(t.deps, org, ownId, viewerOf(alice))
    expect(published.ok).toBe(true)
    const publicView = await findPublishedAdvisory(t.deps.db, org.id, ownId)
    expect(publicView).toMatchObject({ title: content.title, identifiers: { cve: 'CVE-2026-41234' }, cwes: ['CWE-639'] })
    expect(JSON.stringify(publicView?.severity)).toContain('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N')
    expect((await reportRow(t, org, ref)).status).toBe('disclosed')

    // Publishing does not record `release` (it also covers the release outside Embargo): announce waits for it.
    const tooSoon = await step('announce')
    expect(!tooSoon.ok && tooSoon.error).toEqual({ code: 'STEP_OUT_OF_ORDER', missing: ['release'] })
    expect((await step('release')).ok).toBe(true)
    // Step 8: announce.
    expect((await step('announce')).ok).toBe(true)

    const preset = readPreset('open-klant')!
    const policy = parsePolicy(preset.source, preset.fileName)
    const steps = policy.ok ? (policy.policy.process ?? []) : []
    expect(steps.map((s) => s.id)).toEqual([
      'validate',
      'confirm',
      'private-issue',
      'draft-advisory',
      'request-cve',
      'patch',
      'release',
      'announce',
    ])
    const states = stepStates(steps, await eventsOf(t, org, ref))
    expect(Object.fromEntries(states)).toEqual(Object.fromEntries(steps.map((s) => [s.id, 'done'])))
  })
})
