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
import { runMixedTraffic, seedSoakOrg } from '../../../bench/lib/mixed-traffic.js'
import { openApp } from '../../../src/app.js'
import { loadConfig } from '../../../src/config.js'
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
        const soak = await seedSoakOrg(setup.deps)
        server = await startApp('tsx', env)
        running.add(server)
        const deadline = performance.now() + seconds * 1000
        const samples: Sample[] = []
        const pid = server.pid
        const sample = () => samples.push({ at: performance.now(), rss: rssOf(pid), fds: fdCountOf(pid) })
        sample()
        const sampler = setInterval(sample, 1000)
        const { counts, total, errors, errorCount, latencies } = await runMixedTraffic(server.baseUrl, soak, {
          clients,
          until: () => performance.now() >= deadline,
        })
        clearInterval(sampler)
        sample()

        const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0
        // Warm-up: the first quarter (JIT, caches, V8 heap growing to its working size).
        const warm = samples.slice(Math.max(1, Math.floor(samples.length / 4)))
        const baseline = warm[0]!
        const tail = samples.slice(-3)
        const finalRss = tail.map((s) => s.rss).sort((a, b) => a - b)[1] ?? baseline.rss
        const growth = (finalRss - baseline.rss) / baseline.rss
        const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`
        process.stderr.write(
          `[soak ${ctx.dialect}] ${seconds} s, ${clients} clients: ${total} requests (${JSON.stringify(counts)}), ${(total / seconds).toFixed(0)} req/s, client p99 ${p99.toFixed(0)} ms, ${errorCount} errors; RSS ${mb(samples[0]!.rss)} at start, ${mb(baseline.rss)} after warm-up, ${mb(finalRss)} at end (${(growth * 100).toFixed(1)} %), peak ${mb(Math.max(...samples.map((s) => s.rss)))}; fds ${baseline.fds} → ${samples.at(-1)!.fds}\n`,
        )
        if (errorCount > 0) process.stderr.write(`[soak ${ctx.dialect}] server log (end):\n${server.output().slice(-3000)}\n`)
        expect(errors.slice(0, 10), `${errorCount} errors`).toEqual([])
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
