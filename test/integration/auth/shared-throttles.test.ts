import { afterAll, beforeAll, expect, it } from 'vitest'
import { acrossOrganizations } from '../../../src/storage/db.js'
import { pruneFailures } from '../../../src/storage/repositories/throttle-repository.js'
import { startTestApp, type TestApp } from '../../support/app.js'
import { eachDialect, type FreshDatabase } from '../../support/databases.js'
import { codeNow, enrolTotp, passwordStep, secondStep } from '../../support/mfa.js'
import { signInFrom } from '../../support/sign-in.js'

/**
 * Issue 15: several processes serve one instance behind a load balancer. The throttles of guesses
 * used to live in each process's memory, so every extra process gave an attacker as many guesses
 * again (and a restart gave them all back). Two apps on one database here stand for two processes.
 */
eachDialect('throttles shared by every process', (ctx) => {
  let fresh: FreshDatabase | undefined
  let one: TestApp | undefined
  let two: TestApp | undefined
  beforeAll(async () => {
    fresh = await ctx.freshDatabase()
    one = await startTestApp(fresh.url)
    two = await startTestApp(fresh.url)
  })
  afterAll(async () => {
    await two?.close()
    await one?.close()
    await fresh?.drop()
  })
  const apps = () => {
    if (!one || !two) throw new Error('not started')
    return [one, two] as const
  }

  it('wrong passwords counted by one process slow the same network down at the other', async () => {
    const [a, b] = apps()
    const org = await a.given.org()
    const owner = await a.given.member(org)
    for (let i = 0; i < 5; i++) {
      expect((await signInFrom(i % 2 === 0 ? a : b, '203.0.113.9', { email: owner.email, password: 'wrong, again' })).statusCode).toBe(401)
    }
    // The sixth guess, at the process that saw only two of the five, waits like at the other.
    const slowed = await signInFrom(b, '203.0.113.9', { email: owner.email, password: owner.password })
    expect(slowed.statusCode).toBe(429)
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0)
    expect((await signInFrom(a, '203.0.113.9', { email: owner.email, password: owner.password })).statusCode).toBe(429)
    // The owner on another network is heard by either.
    expect((await signInFrom(b, '198.51.100.200', { email: owner.email, password: owner.password })).statusCode).toBe(303)
  })

  it('the table keeps neither the typed address nor the client address, only keyed digests', async () => {
    const [a] = apps()
    const org = await a.given.org()
    const owner = await a.given.member(org)
    await signInFrom(a, '192.0.2.77', { email: owner.email, password: 'not it' })
    const rows = await acrossOrganizations(a.deps.db).selectFrom('throttle_failure').selectAll().execute()
    expect(rows.length).toBeGreaterThanOrEqual(2)
    const stored = JSON.stringify(rows)
    expect(stored).not.toContain(owner.email)
    expect(stored).not.toContain(owner.email.split('@')[0])
    expect(stored).not.toContain('192.0.2.77')
    expect(stored).not.toContain(owner.id)
    for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/)
  })

  it('wrong second factors at both processes add up: past ten in 15 minutes even the right code is refused', async () => {
    const [a, b] = apps()
    const org = await a.given.org()
    const member = await a.given.member(org)
    const enrolling = a.browser()
    await enrolling.signIn(member)
    const { secret } = await enrolTotp(a, enrolling)
    a.clock.advance(30_000)
    b.clock.current = a.clock.now()
    // Five wrong codes end a step (back to the password); two steps, one at each process.
    for (const t of [a, b]) {
      const browser = t.browser()
      await passwordStep(browser, member)
      for (let i = 0; i < 5; i++) expect((await secondStep(browser, { method: 'totp', code: '000000' })).statusCode).toBe(401)
    }
    const browser = a.browser()
    await passwordStep(browser, member)
    const refused = await secondStep(browser, { method: 'totp', code: codeNow(a, secret) })
    expect(refused.statusCode).toBe(429)
    // After the window the right code works again.
    a.clock.advance(15 * 60 * 1000)
    const later = a.browser()
    await passwordStep(later, member)
    expect((await secondStep(later, { method: 'totp', code: codeNow(a, secret) })).statusCode).toBe(303)
  })

  it('failures older than every window are dropped, newer ones kept', async () => {
    const [a] = apps()
    const db = acrossOrganizations(a.deps.db)
    const before = await db.selectFrom('throttle_failure').select('at').execute()
    const cutoff = Math.max(...before.map((r) => Date.parse(r.at))) + 1
    await db
      .insertInto('throttle_failure')
      .values({ scope: 'sign-in', key: 'f'.repeat(64), at: new Date(cutoff + 60_000).toISOString() })
      .execute()
    expect(await pruneFailures(a.deps.db, cutoff)).toBe(before.length)
    const left = await db.selectFrom('throttle_failure').select('key').execute()
    expect(left).toEqual([{ key: 'f'.repeat(64) }])
  })
})
