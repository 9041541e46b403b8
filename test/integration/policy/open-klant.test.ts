/**
 * Open Klant: the eight steps, in order — validate, confirm, private issue, draft advisory,
 * CVE (if appropriate), patch in a private fork, merge/publish/release, announce. A step out of
 * order is refused, and nothing is published before the steps that come first.
 */
import { expect, it } from 'vitest'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { eventsOf, orgWithPreset, reportRow, reportViaApi } from './policy-support.js'

eachDialect('Open Klant policy', (ctx) => {
  const app = useTestApp(ctx)

  it('walks the eight steps in order and publishes only after the CVE decision and the patch', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'open-klant')
    const alice = await t.given.member(org, 'responder', 'Alice Klant')
    const { ref, page } = await reportViaApi(t, org)
    // "As soon as possible" has no deadline: shown, never breached.
    expect((await reportRow(t, org, ref)).acknowledge_due_at).toBeNull()
    const a = t.browser()
    await a.signIn(alice)
    await a.submit(page, `${page}/claim`, {})
    // Each step answers with the report page (post/redirect/get), whose flash says done or why not.
    const step = async (id: string, skip = false) => {
      const sent = await submitAndFollow(a, page, `${page}/steps`, { step: id, ...(skip ? { skip: '1' } : {}) })
      expect(sent.location).toBe(page)
      return /data-flash="(success|danger)"/.exec(sent.page.body)?.[1] === 'success' ? 'done' : sent.page.body
    }

    const early = await step('patch')
    expect(early).toContain('first request-cve')
    for (const s of ['validate', 'confirm', 'private-issue', 'draft-advisory']) expect(await step(s)).toBe('done')
    expect(await step('validate')).toContain('data-flash="danger"') // already done
    for (const to of ['acknowledged', 'triaged', 'accepted', 'fixing', 'fixed']) {
      expect((await a.submit(page, `${page}/status`, { to })).statusCode).toBe(303)
    }
    const tooSoon = await submitAndFollow(a, page, `${page}/status`, { to: 'disclosed' })
    expect(tooSoon.location).toBe(page) // refused: back on the report page, which says why
    expect(tooSoon.page.body).toContain('request-cve, patch')
    expect(await step('patch', true)).toContain('data-flash="danger"') // only "if appropriate" steps can be skipped
    expect(await step('request-cve', true)).toBe('done') // no CVE needed
    expect(await step('patch')).toBe('done')
    expect((await a.submit(page, `${page}/status`, { to: 'disclosed' })).statusCode).toBe(303)
    expect(await step('announce')).toContain('data-flash="danger"') // release comes first
    expect(await step('release')).toBe('done')
    expect(await step('announce')).toBe('done')
    const done = (await eventsOf(t, org, ref))
      .filter((e) => e.type.startsWith('process.step_'))
      .map((e) => `${e.type.slice(13)}:${e.data.step}`)
    expect(done).toEqual([
      'done:validate',
      'done:confirm',
      'done:private-issue',
      'done:draft-advisory',
      'skipped:request-cve',
      'done:patch',
      'done:release',
      'done:announce',
    ])
    const shown = await a.get(page)
    expect(shown.body).toContain('data-step="announce" data-state="done"')
  })
})
