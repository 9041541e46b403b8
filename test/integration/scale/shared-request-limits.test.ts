import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { acrossOrganizations } from '../../../src/storage/db.js'
import { countRequest, pruneRequestWindows } from '../../../src/storage/repositories/request-window-repository.js'
import { startTestApp, type TestApp } from '../../support/app.js'
import { eachDialect, type FreshDatabase } from '../../support/databases.js'

/**
 * Issue 15: several `web` processes serve one PostgreSQL instance behind a load balancer. The
 * per-route request limits used to be counted in each process's memory, so a client spreading its
 * requests over N processes got N times each limit, and a restart gave it all back. Two apps on one
 * database stand for two processes; a third, started later, for a restarted one. SQLite runs one
 * process by design (docs/operations.md, "Roles"): there the limit is that process's own.
 */
const limit = 4
const client = '203.0.113.45'

eachDialect('request rate limits shared by every process', (ctx) => {
  let fresh: FreshDatabase | undefined
  let one: TestApp | undefined
  let two: TestApp | undefined
  let orgSlug = ''
  beforeAll(async () => {
    fresh = await ctx.freshDatabase()
    one = await startTestApp(fresh.url, { intakeRateLimit: limit })
    two = await startTestApp(fresh.url, { intakeRateLimit: limit })
    orgSlug = (await one.given.org()).slug
  })
  afterAll(async () => {
    vi.useRealTimers()
    await two?.close()
    await one?.close()
    await fresh?.drop()
  })
  const apps = () => {
    if (!one || !two) throw new Error('not started')
    return [one, two] as const
  }
  const submit = (t: TestApp, from = client) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${orgSlug}/reports`,
      remoteAddress: from,
      payload: { title: 'Open redirect', description: 'The next parameter is followed anywhere.' },
    })
  /** A minute and a second pass, for the apps' clocks and for the wall clock alike. */
  const windowPasses = (...ts: TestApp[]) => {
    for (const t of ts) t.clock.advance(61_000)
    vi.setSystemTime(Date.now() + 61_000)
  }

  it.runIf(ctx.dialect === 'postgres')(
    'requests spread over two processes reach the limit once; the next is refused at either, and after the window both answer again',
    async () => {
      const [a, b] = apps()
      vi.useFakeTimers({ toFake: ['Date'], now: a.clock.now() })
      for (let i = 0; i < limit; i++) expect((await submit(i % 2 === 0 ? a : b)).statusCode).toBe(201)
      for (const t of [a, b]) {
        const refused = await submit(t)
        expect(refused.statusCode).toBe(429)
        expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' })
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60)
      }
      // Another client is counted on its own.
      expect((await submit(b, '198.51.100.7')).statusCode).toBe(201)
      // A process started later (a restart) knows the count.
      const restarted = await startTestApp(fresh!.url, { intakeRateLimit: limit })
      try {
        restarted.clock.current = a.clock.now()
        expect((await submit(restarted)).statusCode).toBe(429)
      } finally {
        await restarted.close()
      }
      windowPasses(a, b)
      expect((await submit(b)).statusCode).toBe(201)
      expect((await submit(a)).statusCode).toBe(201)
      vi.useRealTimers()
    },
  )

  it('one process: the limit is reached, the next request gets 429, and after the window it answers again', async () => {
    const [a, b] = apps()
    vi.useFakeTimers({ toFake: ['Date'], now: a.clock.now() })
    windowPasses(a, b) // whatever the test before counted has ended
    const from = '192.0.2.61'
    for (let i = 0; i < limit; i++) expect((await submit(a, from)).statusCode).toBe(201)
    expect((await submit(a, from)).statusCode).toBe(429)
    windowPasses(a, b)
    expect((await submit(a, from)).statusCode).toBe(201)
    vi.useRealTimers()
  })

  it.runIf(ctx.dialect === 'postgres')('counts that cannot be kept let the request through, and the log says so', async () => {
    const [a] = apps()
    const db = acrossOrganizations(a.deps.db)
    await db.schema.alterTable('request_window').renameTo('request_window_away').execute()
    try {
      const from = '192.0.2.99'
      for (let i = 0; i < limit + 2; i++) expect((await submit(a, from)).statusCode).toBe(201)
      const failures = a.logs.filter((line) => line.includes('rate_limit.store_failed'))
      // Logged once, not once per request.
      expect(failures).toHaveLength(1)
    } finally {
      await db.schema.alterTable('request_window_away').renameTo('request_window').execute()
    }
  })

  it('the table of counts holds no client address, only keyed digests', async () => {
    const [a] = apps()
    const rows = await acrossOrganizations(a.deps.db).selectFrom('request_window').selectAll().execute()
    // On SQLite the one process counts in its memory and the table stays empty.
    if (ctx.dialect === 'postgres') expect(rows.length).toBeGreaterThanOrEqual(2)
    else expect(rows).toEqual([])
    const stored = JSON.stringify(rows)
    for (const address of [client, '198.51.100.7', '192.0.2.61']) {
      expect(stored).not.toContain(address)
      expect(stored).not.toContain(Buffer.from(address).toString('hex'))
    }
    for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/)
  })

  it('windows that ended are dropped, live ones kept', async () => {
    const [a] = apps()
    const db = acrossOrganizations(a.deps.db)
    await db.deleteFrom('request_window').execute()
    const now = a.clock.now().getTime()
    await countRequest(a.deps.db, 'e'.repeat(64), now - 120_000, 60_000) // ended a minute ago
    await countRequest(a.deps.db, 'f'.repeat(64), now - 30_000, 60_000) // ends in 30 s
    expect(await pruneRequestWindows(a.deps.db, now)).toBe(1)
    expect(await db.selectFrom('request_window').select(['key', 'hits']).execute()).toEqual([{ key: 'f'.repeat(64), hits: 1 }])
  })
})
