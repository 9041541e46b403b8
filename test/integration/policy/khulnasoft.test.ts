/**
 * KhulnaSoft: acknowledge and analyze within 10 working days (Sunday to Thursday in Dhaka), and
 * information shared only with the assigned team: with `sharedWith: assigned-team`, only the
 * report's assignee and the organization's administrators read its text; other responders and
 * viewers see that it exists, its clocks and status, and can claim it.
 */
import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { listQueue } from '../../../src/storage/repositories/queue-repository.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { at, orgWithPreset, reportRow, reportViaApi } from './policy-support.js'

eachDialect('KhulnaSoft policy', (ctx) => {
  const app = useTestApp(ctx)

  it('counts 10 working days on a Sunday-to-Thursday week', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'khulnasoft')
    // Thursday 3 December 2026, 12:00 in Dhaka; Friday and Saturday are the weekend.
    at(t, '2026-12-03T06:00:00.000Z')
    const { ref } = await reportViaApi(t, org)
    const due = (await reportRow(t, org, ref)).acknowledge_due_at
    // Sun 6 … Thu 10 (5), Sun 13 … Thu 17 (10), unless a Bangladeshi public holiday intervenes (16 December, Victory Day).
    expect(due).toBe('2026-12-20T17:59:59.999Z')
  })

  it('shares the report text only with its assignee and administrators', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'khulnasoft')
    const alice = await t.given.member(org, 'responder', 'Alice Khulna')
    const bob = await t.given.member(org, 'responder', 'Bob Khulna')
    const viewer = await t.given.member(org, 'viewer', 'Vera Viewer')
    const admin = await t.given.member(org, 'admin', 'Ada Admin')
    const { page } = await reportViaApi(t, org, { title: 'Secret RCE title', description: 'Secret exploit details' })
    const as = async (m: typeof alice) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    const a = await as(alice)
    await a.submit(page, `${page}/claim`, {})
    expect((await a.get(page)).body).toContain('Secret exploit details')
    expect((await (await as(admin)).get(page)).body).toContain('Secret exploit details')
    for (const other of [bob, viewer]) {
      const shown = await (await as(other)).get(page)
      expect(shown.statusCode).toBe(200)
      expect(shown.body).not.toContain('Secret exploit details')
      expect(shown.body).not.toContain('Secret RCE title')
      expect(shown.body).toContain('shares report text only with the assigned team')
    }
  })

  it('keeps the titles of reports a responder does not hold out of their queue, without decrypting them', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'khulnasoft')
    const alice = await t.given.member(org, 'responder', 'Alice Khulna')
    const bob = await t.given.member(org, 'responder', 'Bob Khulna')
    const admin = await t.given.member(org, 'admin', 'Ada Admin')
    const { ref, page } = await reportViaApi(t, org, { title: 'Queue-secret RCE title' })
    const as = async (m: typeof alice) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    const a = await as(alice)
    expect((await a.submit(page, `${page}/claim`, {})).statusCode).toBe(303)
    const queue = `/w/${org.slug}/reports?status=all`
    for (const holder of [a, await as(admin)]) {
      const shown = await holder.get(queue)
      expect(shown.body).toContain('Queue-secret RCE title')
      expect(shown.body).not.toContain('Confidential — assigned team only')
    }
    const other = await (await as(bob)).get(queue)
    expect(other.statusCode).toBe(200)
    expect(other.body).toContain(ref)
    expect(other.body).not.toContain('Queue-secret RCE title')
    expect(other.body).toContain('Confidential — assigned team only')

    // The title is not even decrypted for that row.
    const cipher = cipherFor(t.deps, org)
    const opened: string[] = []
    const counting = {
      encrypt: cipher.encrypt.bind(cipher),
      decrypt: (v: string, c: string) => {
        opened.push(c)
        return cipher.decrypt(v, c)
      },
    }
    const filter = { statuses: [], sort: 'newest', limit: 50 } as const
    const forBob = await listQueue(t.deps.db, counting, org.id, filter, { userId: bob.id, role: 'responder' })
    expect(forBob.rows.find((r) => r.ref === ref)?.title).toBeNull()
    expect(opened).toEqual([])
    const forAlice = await listQueue(t.deps.db, counting, org.id, filter, { userId: alice.id, role: 'responder' })
    expect(forAlice.rows.find((r) => r.ref === ref)?.title).toBe('Queue-secret RCE title')
    expect(opened).toHaveLength(1)
  })
})
