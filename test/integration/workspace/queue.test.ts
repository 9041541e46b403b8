/**
 * The queue sorted by what falls due next (`sort=due`): keyset pages on (next_due_at, id), and
 * reports without a running clock listed after those with one, not dropped.
 */
import { expect, it } from 'vitest'
import { changeReportStatus } from '../../../src/workspace/use-cases/change-report-status.js'
import { asMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { at, orgWithPreset } from '../policy/policy-support.js'

eachDialect('queue sorted by due time', (ctx) => {
  const app = useTestApp(ctx)

  // 8 without a clock puts the page boundary exactly where the reports without a clock begin.
  it.each([6, 8])(
    'pages on the due time, earliest first, with reports without a running clock last, none missing or repeated (%i without a clock)',
    async (withoutClock) => {
      const t = app()
      at(t, '2026-12-01T08:00:00.000Z')
      const org = await orgWithPreset(t, 'kumi-systems')
      const alice = await t.given.member(org, 'responder', 'Alice Kumi')
      const refs: string[] = []
      // Received over several days, newest not last in due order: many share an end-of-day deadline (ties on the id).
      for (let i = 0; i < 58; i++) {
        at(t, new Date(Date.parse('2026-12-01T08:00:00.000Z') + ((i * 7) % 58) * 3 * 3_600_000).toISOString())
        refs.push((await t.given.report(org, { title: `Due-sorted report ${i}` })).ref)
      }
      at(t, '2026-12-20T08:00:00.000Z')
      // Six are rejected: no running clock any more.
      for (const ref of refs.slice(0, withoutClock)) {
        const done = await changeReportStatus(t.deps, org, ref, {
          to: 'rejected',
          reason: 'Out of scope',
          member: asMember(alice),
        })
        expect(done.ok).toBe(true)
      }
      const rows = await t.deps.db.selectFrom('report').select(['ref', 'id', 'next_due_at']).where('org_id', '=', org.id).execute()
      const withClock = rows.filter((r) => r.next_due_at !== null)
      expect(withClock.length).toBe(58 - withoutClock)
      const expected = [
        ...withClock.sort((a, b) => (a.next_due_at! < b.next_due_at! ? -1 : a.next_due_at! > b.next_due_at! ? 1 : a.id < b.id ? -1 : 1)),
        ...rows.filter((r) => r.next_due_at === null).sort((a, b) => (a.id < b.id ? -1 : 1)),
      ].map((r) => r.ref)

      const b = t.browser()
      await b.signIn(alice)
      const shown = (html: string) => [
        ...new Set([...html.matchAll(new RegExp(`/w/${org.slug}/reports/([A-Z0-9-]+)"`, 'g'))].map((m) => m[1]!)),
      ]
      const first = await b.get(`/w/${org.slug}/reports?status=all&sort=due`)
      expect(first.statusCode).toBe(200)
      const next = /href="([^"]*after=[^"]+)"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&')
      expect(next).toBeDefined()
      const second = await b.get(next!)
      expect(second.statusCode).toBe(200)
      expect(/href="[^"]*after=[^"]+"/.test(second.body)).toBe(false)
      const pageOne = shown(first.body)
      const pageTwo = shown(second.body)
      expect(pageOne).toHaveLength(50)
      expect(pageTwo).toHaveLength(8)
      expect([...pageOne, ...pageTwo]).toEqual(expected)
      expect(new Set([...pageOne, ...pageTwo]).size).toBe(58)
      // The rejected reports (no clock) are the last ones.
      expect(pageTwo.slice(-withoutClock).sort()).toEqual(refs.slice(0, withoutClock).sort())
    },
  )

  it("shows the queue's and the report page's times in the organization's time zone, named, and in UTC without a policy", async () => {
    const t = app()
    at(t, '2026-12-04T14:30:00.000Z')
    const org = await orgWithPreset(t, 'kumi-systems')
    const plain = await t.given.org()
    const alice = await t.given.member(org, 'responder', 'Alice Kumi')
    const paul = await t.given.member(plain, 'responder', 'Paul Plain')
    const { ref } = await t.given.report(org)
    const other = await t.given.report(plain)
    const a = t.browser()
    await a.signIn(alice)
    const queue = await a.get(`/w/${org.slug}/reports?sort=due`)
    expect(queue.body).toContain('Fri, 4 Dec 2026, 15:30 CET (Europe/Vienna)') // received
    expect(queue.body).toContain('Thu, 10 Dec 2026, 23:59 CET (Europe/Vienna)') // falls due
    const page = await a.get(`/w/${org.slug}/reports/${ref}`)
    expect(page.body).toContain('Fri, 4 Dec 2026, 15:30 CET (Europe/Vienna)')
    const p = t.browser()
    await p.signIn(paul)
    const plainQueue = await p.get(`/w/${plain.slug}/reports`)
    expect(plainQueue.body).toContain('Fri, 4 Dec 2026, 14:30 UTC')
    expect(plainQueue.body).not.toContain('(Europe/')
    expect((await p.get(`/w/${plain.slug}/reports/${other.ref}`)).body).toContain('Fri, 4 Dec 2026, 14:30 UTC')
  })
})
