/**
 * The queue's search starts from the reports that hold a rare word and walks the sorted queue for
 * a common one (src/storage/repositories/queue-repository.ts, `fewestMatches`: a word in up to
 * 1,000 reports is rare). Whichever way a search runs, a member must get the same reports, in the
 * page's order, page after page: 1,100 seeded reports, where "parameter" is in every one (common),
 * "SSRF" in every tenth title (rare) and "1050" in one.
 */
import { expect, it } from 'vitest'
import { seedReports, seedTarget } from '../../../bench/lib/seed.js'
import { cipherFor } from '../../../src/deps.js'
import { listQueueFor, parseQueueQuery } from '../../../src/workspace/index.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { orgWithPreset } from '../policy/policy-support.js'

eachDialect('the queue search, rare and common words', (ctx) => {
  const app = useTestApp(ctx)

  it('finds the same reports, newest first and page after page, whether it starts from a rare word or from the queue', async () => {
    const t = app()
    const org = await orgWithPreset(t, 'alkemio')
    const admin = await t.given.member(org, 'admin', 'Ada Admin')
    await seedReports(seedTarget(t.deps.config.databaseUrl), cipherFor(t.deps, org), org, { from: 0, count: 1100 })
    const viewer = { userId: admin.id, role: 'admin' as const }

    /** Every page of a search, followed through its "next" links. */
    const everyPage = async (query: Record<string, string>) => {
      const rows = []
      let after: string | undefined
      do {
        const page = await listQueueFor(t.deps, org, parseQueueQuery({ status: 'all', ...query, ...(after ? { after } : {}) }), viewer)
        expect(page.rows.length).toBeLessThanOrEqual(50)
        rows.push(...page.rows)
        after = page.next
      } while (after)
      return rows
    }
    const newestFirst = (rows: Array<{ receivedAt: string }>) =>
      rows.every((r, i) => i === 0 || (rows[i - 1] as { receivedAt: string }).receivedAt >= r.receivedAt)

    const common = await everyPage({ q: 'parameter' })
    expect(common).toHaveLength(1100)
    expect(new Set(common.map((r) => r.id)).size).toBe(1100)
    expect(newestFirst(common)).toBe(true)

    const rare = await everyPage({ q: 'ssrf' })
    expect(rare).toHaveLength(110)
    expect(rare.every((r) => r.title?.startsWith('SSRF in '))).toBe(true)
    expect(newestFirst(rare)).toBe(true)
    expect(rare.map((r) => r.id)).toEqual(common.filter((r) => r.title?.startsWith('SSRF in ')).map((r) => r.id))

    // A rare and a common word together: the reports that hold both, the same as the rare one alone.
    expect((await everyPage({ q: 'parameter ssrf' })).map((r) => r.id)).toEqual(rare.map((r) => r.id))
    const one = await everyPage({ q: '1050 parameter' })
    expect(one.map((r) => r.title)).toEqual([expect.stringContaining('(#1050)')])
    expect(await everyPage({ q: 'ssrf 1050' })).toEqual([])

    // The other filters still apply to a search that starts from its words.
    const openRare = await everyPage({ q: 'ssrf', status: 'open' })
    const final = new Set(['rejected', 'duplicate', 'closed'])
    expect(openRare.map((r) => r.id)).toEqual(rare.filter((r) => !final.has(r.status)).map((r) => r.id))
    expect(openRare.length).toBeGreaterThan(0)
    const openCommon = await everyPage({ q: 'parameter', status: 'open' })
    expect(openCommon.map((r) => r.id)).toEqual(common.filter((r) => !final.has(r.status)).map((r) => r.id))
    expect(openCommon.length).toBeLessThan(common.length)
  })
})
