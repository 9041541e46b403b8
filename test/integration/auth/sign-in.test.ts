import { describe, expect, it } from 'vitest'
import { type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { signInFrom } from '../../support/sign-in.js'

const attempt = signInFrom

/** What a person sees of an answer: status, the page without its per-request CSRF token, and when to retry. */
const visible = (res: Awaited<ReturnType<typeof attempt>>) => ({
  status: res.statusCode,
  retryAfter: res.headers['retry-after'],
  body: res.body.replace(/name="_csrf" value="[^"]+"/g, ''),
})

let addresses = 0
/** A client address no other test used (the route also limits attempts per address and minute). */
const freshAddress = () => `198.51.100.${++addresses}`

eachDialect('sign-in', (ctx) => {
  const app = useTestApp(ctx)

  describe('finding 5: the page after sign-in is always on this instance', () => {
    // What `next` arrives as (already URL-decoded by the form parser) → where the 303 points.
    const cases: Array<[string, string]> = [
      ['/w/acme/reports', '/w/acme/reports'],
      ['/w/acme/reports?status=new&q=a%20b', '/w/acme/reports?status=new&q=a%20b'],
      ['/\t/evil.example', '/'],
      ['/%09/evil.example', '/'],
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
      ['/%2F/evil.example', '/'],
      ['/%5Cevil.example', '/'],
      ['/.//evil.example', '/'],
      ['https://evil.example/', '/'],
      ['javascript:alert(1)', '/'],
      ['/\r\nSet-Cookie: x=1', '/'],
      ['http://127.0.0.1:8080@evil.example/', '/'],
      ['http://127.0.0.1:8080/w/acme/reports', '/w/acme/reports'],
    ]
    it.each(cases)('finding 5: next=%j redirects to %j after signing in', async (next, expected) => {
      const t = app()
      const org = await t.given.org()
      const member = await t.given.member(org)
      const res = await attempt(t, freshAddress(), { email: member.email, password: member.password, next })
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe(expected)
    })

    it('finding 5: the sign-in form does not carry a foreign next, and the sign-in prompt builds a safe one', async () => {
      const t = app()
      const form = await t.app.inject({ method: 'GET', url: '/login?next=/%09/evil.example' })
      expect(form.body).toContain('name="next" value="/"')
      const prompt = await t.app.inject({ method: 'GET', url: '/w/acme/reports?x=%09' })
      expect(prompt.statusCode).toBe(303)
      expect(prompt.headers.location).toBe(`/login?next=${encodeURIComponent('/w/acme/reports?x=%09')}`)
    })
  })

  it('issue 9: a next too long to be a target still opens the sign-in form, which carries the landing page instead', async () => {
    const t = app()
    const form = await t.app.inject({ method: 'GET', url: `/login?next=/${'a'.repeat(3000)}` })
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('name="next" value="/"')
  })

  describe('finding 9: throttling slows one address down and never locks the owner out', () => {
    async function failFrom(t: TestApp, address: string, email: string, failures: number) {
      let failed = 0
      while (failed < failures) {
        const res = await attempt(t, address, { email, password: 'wrong password, definitely' })
        if (res.statusCode === 429) {
          t.clock.advance(Number(res.headers['retry-after']) * 1000)
          continue
        }
        expect(res.statusCode).toBe(401)
        failed++
      }
    }

    it('finding 9: after 10+ failures from one address, the owner signs in from another address with the right password', async () => {
      const t = app()
      const org = await t.given.org()
      const owner = await t.given.member(org, 'admin')
      const attacker = freshAddress()
      await failFrom(t, attacker, owner.email, 12)
      const res = await attempt(t, freshAddress(), { email: owner.email, password: owner.password })
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe('/')
    })

    it('finding 9: from the failing address further attempts are slowed, the answer says when, and after the wait the right password works', async () => {
      const t = app()
      const org = await t.given.org()
      const owner = await t.given.member(org, 'admin')
      const address = freshAddress()
      await failFrom(t, address, owner.email, 10)
      await attempt(t, address, { email: owner.email, password: 'one more wrong one' })

      const slowed = await attempt(t, address, { email: owner.email, password: owner.password })
      expect(slowed.statusCode).toBe(429)
      const wait = Number(slowed.headers['retry-after'])
      expect(wait).toBeGreaterThan(0)
      expect(wait).toBeLessThanOrEqual(15 * 60)
      expect(slowed.body).toContain('Too many failed attempts')
      expect(slowed.headers['set-cookie'] ?? '').not.toMatch(/session/)

      t.clock.advance(wait * 1000 - 1000)
      expect((await attempt(t, address, { email: owner.email, password: owner.password })).statusCode).toBe(429)
      t.clock.advance(1000)
      const after = await attempt(t, address, { email: owner.email, password: owner.password })
      expect(after.statusCode).toBe(303)
    })

    it('finding 9: an unknown account gets the same answers as a known one, at the same cost', async () => {
      const t = app()
      const org = await t.given.org()
      const known = await t.given.member(org)
      const unknown = `nobody-${known.email}`
      const timeOf = async (email: string) => {
        const started = performance.now()
        const res = await attempt(t, freshAddress(), { email, password: 'wrong password, definitely' })
        expect(res.statusCode).toBe(401)
        return performance.now() - started
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
      const knownTimes: number[] = []
      const unknownTimes: number[] = []
      for (let i = 0; i < 7; i++) {
        knownTimes.push(await timeOf(known.email))
        unknownTimes.push(await timeOf(unknown))
      }
      // Both pay for a password hash; skipping it for unknown accounts would be ~20–50× faster.
      // Wide bounds: the machine is shared, and the question is "hash or no hash", not 5 %.
      expect(median(unknownTimes) / median(knownTimes)).toBeGreaterThan(1 / 3)
      expect(median(unknownTimes) / median(knownTimes)).toBeLessThan(3)

      // Failing on, from one address each: the same pages, statuses and waits, step by step.
      const a = freshAddress()
      const b = freshAddress()
      for (let i = 0; i < 8; i++) {
        const k = visible(await attempt(t, a, { email: known.email, password: 'wrong password, definitely' }))
        const u = visible(await attempt(t, b, { email: unknown, password: 'wrong password, definitely' }))
        expect({ ...u, body: u.body.replaceAll(unknown, known.email) }).toEqual(k)
      }
    })
  })
})
