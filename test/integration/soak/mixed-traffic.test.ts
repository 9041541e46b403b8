/**
 * L-3 soak, bounded: `embargo serve` in a child process under mixed traffic — 80 % reads (queue
 * pages, report pages), 20 % writes (API submissions, responder replies) — from 8 concurrent
 * clients, with the server's RSS and open file descriptors sampled from /proc every second.
 *
 * Length: 60 s when `CI=true` (the figure: "60 s, bounded"), 20 s otherwise so a local
 * `npm test` stays quick; SOAK_SECONDS overrides both (L-3's nightly figure is 30 min). Asserts:
 * no errors at all, RSS after warm-up grows less than a generous 50 % (L-3's bar is 10 % over a
 * long run; a short run is dominated by V8 heap sizing), and descriptors do not leak. Prints the
 * request counts per kind, errors, client p99, RSS (start, after warm-up, end, peak) and fds.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { appEnv, fdCountOf, type RunningApp, rssOf, startApp } from '../../../bench/lib/app-process.js'
import { addMember } from '../../../src/admin/use-cases/add-member.js'
import { createOrganization } from '../../../src/admin/use-cases/create-organization.js'
import { openApp } from '../../../src/app.js'
import { startSession } from '../../../src/auth/sessions.js'
import { loadConfig } from '../../../src/config.js'
import { submitReport } from '../../../src/intake/use-cases/submit-report.js'
import { acrossOrganizations } from '../../../src/storage/db.js'
import { eachDialect } from '../../support/databases.js'

const seconds = Number(process.env.SOAK_SECONDS ?? (process.env.CI === 'true' ? 60 : 20))
const clients = 8

interface Sample {
  at: number
  rss: number
  fds: number
}

eachDialect('soak: mixed traffic', (ctx) => {
  const running = new Set<RunningApp>()
  afterAll(async () => {
    for (const app of running) await app.kill()
  })

  it(
    `serves ${seconds} s of 80/20 read/write traffic without an error or a leak`,
    async () => {
      const fresh = await ctx.freshDatabase()
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-soak-'))
      const env = appEnv({ databaseUrl: fresh.url, dataDir, logLevel: 'error' })
      const setup = await openApp(loadConfig(env))
      let server: RunningApp | undefined
      try {
        const created = await createOrganization(setup.deps, { slug: 'acme', name: 'ACME Corp' })
        if (!created.ok) throw new Error(JSON.stringify(created.error))
        const org = created.value
        const member = await addMember(
          setup.deps,
          org.id,
          { email: 'soak@example.org', name: 'Soak', password: 'correct horse battery staple', role: 'responder' },
          null,
        )
        if (!member.ok) throw new Error(JSON.stringify(member.error))
        const session = `embargo_session=${await startSession(setup.deps, member.value)}`
        const refs: string[] = []
        for (let i = 0; i < 60; i++) {
          const r = await submitReport(
            setup.deps,
            org,
            { title: `Seed ${i}`, description: `Seed report ${i}`, reporterEmail: 'r@example.net' },
            'api',
          )
          if (!r.ok) throw new Error('seed')
          refs.push(r.value.ref)
        }

        server = await startApp('tsx', env)
        running.add(server)
        const base = server.baseUrl

        // A CSRF token for the reply form: the token on the page plus its secret cookie.
        const page = await fetch(`${base}/w/acme/reports/${refs[0]}`, { headers: { cookie: session } })
        const html = await page.text()
        const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
        const csrfCookie = page.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .find((c) => c?.startsWith('embargo_csrf='))
        if (!csrf || !csrfCookie) throw new Error(`no CSRF token on the report page (${page.status})`)
        const cookie = `${session}; ${csrfCookie}`

        const counts = { queue: 0, report: 0, submit: 0, reply: 0 }
        const errors: string[] = []
        const latencies: number[] = []
        let n = 0
        const deadline = performance.now() + seconds * 1000
        const expectStatus = async (what: string, res: Response, ok: number) => {
          await res.arrayBuffer()
          if (res.status !== ok) errors.push(`${what}: ${res.status}`)
        }
        const client = async () => {
          while (performance.now() < deadline) {
            const roll = Math.random()
            const ref = refs[Math.floor(Math.random() * refs.length)]
            const started = performance.now()
            try {
              if (roll < 0.45) {
                counts.queue++
                const sort = Math.random() < 0.5 ? 'newest' : 'oldest'
                await expectStatus('queue', await fetch(`${base}/w/acme/reports?status=open&sort=${sort}`, { headers: { cookie } }), 200)
              } else if (roll < 0.8) {
                counts.report++
                await expectStatus('report page', await fetch(`${base}/w/acme/reports/${ref}`, { headers: { cookie } }), 200)
              } else if (roll < 0.92) {
                counts.submit++
                const i = n++
                const res = await fetch(`${base}/api/v1/orgs/acme/reports`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({
                    title: `Soak ${i}`,
                    description: `Found during the soak, number ${i}.`,
                    reporterEmail: `s${i}@example.net`,
                  }),
                })
                await expectStatus('submit', res, 201)
              } else {
                counts.reply++
                const res = await fetch(`${base}/w/acme/reports/${ref}/messages`, {
                  method: 'POST',
                  redirect: 'manual',
                  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
                  body: new URLSearchParams({
                    _csrf: csrf,
                    body: `Reply ${n++}: thanks!`,
                    visibility: Math.random() < 0.8 ? 'reporter' : 'internal',
                  }).toString(),
                })
                await expectStatus('reply', res, 303)
              }
            } catch (error) {
              errors.push(String(error))
            }
            latencies.push(performance.now() - started)
          }
        }

        const samples: Sample[] = []
        const pid = server.pid
        const sample = () => samples.push({ at: performance.now(), rss: rssOf(pid), fds: fdCountOf(pid) })
        sample()
        const sampler = setInterval(sample, 1000)
        await Promise.all(Array.from({ length: clients }, client))
        clearInterval(sampler)
        sample()

        const total = counts.queue + counts.report + counts.submit + counts.reply
        latencies.sort((a, b) => a - b)
        const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0
        // Warm-up: the first quarter (JIT, caches, V8 heap growing to its working size).
        const warm = samples.slice(Math.max(1, Math.floor(samples.length / 4)))
        const baseline = warm[0]!
        const tail = samples.slice(-3)
        const finalRss = tail.map((s) => s.rss).sort((a, b) => a - b)[1] ?? baseline.rss
        const growth = (finalRss - baseline.rss) / baseline.rss
        const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`
        process.stderr.write(
          `[soak ${ctx.dialect}] ${seconds} s, ${clients} clients: ${total} requests (${JSON.stringify(counts)}), ${(total / seconds).toFixed(0)} req/s, client p99 ${p99.toFixed(0)} ms, ${errors.length} errors; RSS ${mb(samples[0]!.rss)} at start, ${mb(baseline.rss)} after warm-up, ${mb(finalRss)} at end (${(growth * 100).toFixed(1)} %), peak ${mb(Math.max(...samples.map((s) => s.rss)))}; fds ${baseline.fds} → ${samples.at(-1)!.fds}\n`,
        )
        if (errors.length > 0) process.stderr.write(`[soak ${ctx.dialect}] server log (end):\n${server.output().slice(-3000)}\n`)
        expect(errors.slice(0, 10), `${errors.length} errors`).toEqual([])
        expect(total).toBeGreaterThan(seconds * 5)
        expect(growth, 'RSS growth after warm-up').toBeLessThan(0.5)
        expect(samples.at(-1)!.fds, 'open descriptors').toBeLessThanOrEqual(Math.ceil(baseline.fds * 1.2) + 5)
        // Every acknowledged submission is there.
        const stored = await acrossOrganizations(setup.deps.db)
          .selectFrom('report')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
        expect(Number(stored.n)).toBe(60 + counts.submit)
        await server.stop()
        running.delete(server)
      } finally {
        if (server) await server.kill()
        await setup.close()
        await fresh.drop()
        fs.rmSync(dataDir, { recursive: true, force: true })
      }
    },
    seconds * 1000 + 120_000,
  )
})
