/**
 * The policy's process gate belongs to the status change itself, not to one route: whoever moves
 * a report to `disclosed` (the report page, or any other caller of the use case) is refused while
 * the steps that come first are open, and nothing is written.
 */
import { expect, it } from 'vitest'
import { changeReportStatus } from '../../../src/workspace/use-cases/change-report-status.js'
import { asMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { eventsOf, orgWithPreset, reportRow, reportViaApi } from '../policy/policy-support.js'

eachDialect('publishing gate in the status change', (ctx) => {
  const app = useTestApp(ctx)

  it('refuses to disclose through the use case while steps before publishing are open, naming them, and writes nothing', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'open-klant')
    const alice = await t.given.member(org, 'responder', 'Alice Gate')
    const { ref } = await reportViaApi(t, org)
    const member = asMember(alice)
    for (const to of ['acknowledged', 'triaged', 'accepted', 'fixing', 'fixed'] as const) {
      expect((await changeReportStatus(t.deps, org, ref, { to, member })).ok).toBe(true)
    }
    const before = await eventsOf(t, org, ref)
    const refused = await changeReportStatus(t.deps, org, ref, { to: 'disclosed', member })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error.code).toBe('STEPS_BEFORE_PUBLISHING')
    expect(!refused.ok && refused.error.code === 'STEPS_BEFORE_PUBLISHING' && refused.error.missing).toContain('validate')
    expect((await reportRow(t, org, ref)).status).toBe('fixed')
    expect(await eventsOf(t, org, ref)).toHaveLength(before.length)
  })
})
