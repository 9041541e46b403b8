/**
 * F-1 / F-2: the server is SIGKILLed while ~20 clients submit reports; after a restart, every
 * submission that got a 2xx must exist whole, and nothing half-written may exist.
 *
 * `embargo serve` runs as a child process (the sources through tsx), exactly as operators run
 * it; the kill comes at a uniformly random moment of each iteration. Iterations and clients can
 * be raised for a nightly run: CRASH_ITERATIONS (default 3), CRASH_CLIENTS (default 20).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'
import { appEnv, type RunningApp, startApp } from '../../../bench/lib/app-process.js'
import { createOrganization } from '../../../src/admin/use-cases/create-organization.js'
import { openApp } from '../../../src/app.js'
import { loadConfig } from '../../../src/config.js'
import { cipherFor } from '../../../src/deps.js'
import { listReportEvents, verifyEventChain } from '../../../src/storage/repositories/event-repository.js'
import { findReportByRef } from '../../../src/storage/repositories/report-repository.js'
import { findReporter } from '../../../src/storage/repositories/reporter-repository.js'
import { eachDialect } from '../../support/databases.js'

const iterations = Number(process.env.CRASH_ITERATIONS ?? 3)
const clients = Number(process.env.CRASH_CLIENTS ?? 20)

interface Sent {
  title: string
  description: string
  steps: string
  impact: string
  reporterEmail: string | null
}

eachDialect('SIGKILL during intake', (ctx) => {
  const running = new Set<RunningApp>()
  afterAll(async () => {
    for (const app of running) await app.kill()
  })

  it(`keeps every acknowledged report whole and leaves nothing half-written (${iterations} kills)`, async () => {
    const fresh = await ctx.freshDatabase()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-crash-'))
    const env = appEnv({ databaseUrl: fresh.url, dataDir, logLevel: 'error' })
    const setup = await openApp(loadConfig(env))
    try {
      const created = await createOrganization(setup.deps, { slug: 'acme', name: 'ACME Corp' })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      const org = created.value

      const sent = new Map<string, Sent>() // by title: everything ever sent
      const acked = new Map<string, string>() // ref → title: everything answered 201
      const restartMs: number[] = []
      let counter = 0

      const client = async (server: RunningApp, stop: { killed: boolean }) => {
        while (!stop.killed) {
          const i = counter++
          const s: Sent = {
            title: `crash ${i} — ünïcødé ✓`,
            description: `Body of ${i}\n\n\`\`\`\n<script>alert(${i})</script>\n\`\`\``,
            steps: i % 2 === 0 ? `1. step for ${i}` : '',
            impact: `impact ${i} 🔥`,
            reporterEmail: i % 3 === 0 ? null : `reporter${i}@example.net`,
          }
          sent.set(s.title, s)
          try {
            const res = await fetch(`${server.baseUrl}/api/v1/orgs/acme/reports`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ ...s, reporterEmail: s.reporterEmail ?? undefined }),
            })
            const text = await res.text()
            if (res.status === 201) acked.set((JSON.parse(text) as { ref: string }).ref, s.title)
            else if (!stop.killed) throw new Error(`intake answered ${res.status} before the kill: ${text}`)
          } catch (error) {
            if (!stop.killed) throw error // a refused or reset connection is expected only after the kill
          }
        }
      }

      for (let iteration = 0; iteration < iterations; iteration++) {
        const server = await startApp('tsx', env)
        running.add(server)
        if (iteration > 0) restartMs.push(server.startupMs)
        const stop = { killed: false }
        const killAfter = 200 + Math.random() * 1800
        const killer = new Promise<void>((resolve) =>
          setTimeout(async () => {
            stop.killed = true
            await server.kill()
            running.delete(server)
            resolve()
          }, killAfter),
        )
        await Promise.all([killer, ...Array.from({ length: clients }, () => client(server, stop))])
      }

      // The restart after the last kill: it must come up (recovery included) and serve.
      const last = await startApp('tsx', env)
      running.add(last)
      restartMs.push(last.startupMs)
      const health = await fetch(`${last.baseUrl}/healthz`)
      expect(health.status).toBe(200)
      await last.stop()
      running.delete(last)

      expect(acked.size, 'some submissions were acknowledged before the kills').toBeGreaterThan(0)
      const db = setup.deps.db
      const cipher = cipherFor(setup.deps, org)

      // 1. Every acknowledged report exists whole: text decrypts to what was sent, its receipt
      //    event exists, and when an address was given, its acknowledgment mail is queued.
      const outbox = await db.selectFrom('outbox').select(['id', 'payload_enc']).where('org_id', '=', org.id).execute()
      const mailByRef = new Map<string, { to?: string }>()
      for (const row of outbox) {
        const payload = JSON.parse(cipher.decrypt(row.payload_enc, `outbox.payload|${row.id}`)) as { ref: string; to?: string }
        mailByRef.set(payload.ref, payload)
      }
      const missing: string[] = []
      for (const [ref, title] of acked) {
        const s = sent.get(title)!
        const report = await findReportByRef(db, cipher, org.id, ref)
        if (!report) {
          missing.push(ref)
          continue
        }
        expect(report.title).toBe(s.title)
        expect(report.fields).toEqual({ description: s.description, steps: s.steps, impact: s.impact, affectedVersion: '' })
        const reporter = await findReporter(db, cipher, org.id, report.reporterId)
        expect(reporter?.email ?? null).toBe(s.reporterEmail)
        const events = await listReportEvents(db, org.id, report.id)
        expect(events.map((e) => e.type)).toContain('report.received')
        if (s.reporterEmail) expect(mailByRef.get(ref)?.to, `acknowledgment mail of ${ref}`).toBe(s.reporterEmail)
        else expect(mailByRef.has(ref)).toBe(false)
      }
      expect(missing, 'acknowledged but missing after the crash').toEqual([])

      // 2. Nothing partial: every stored report (acknowledged or caught in flight) is one that was
      //    sent, has its reporter, its follow-up capability and its receipt event, and decrypts.
      const reports = await db.selectFrom('report').select(['id', 'ref', 'reporter_id']).where('org_id', '=', org.id).execute()
      const receipts = await db
        .selectFrom('event')
        .select('report_id')
        .where('org_id', '=', org.id)
        .where('type', '=', 'report.received')
        .execute()
      const withReceipt = new Set(receipts.map((e) => e.report_id))
      const withAccess = new Set(
        (await db.selectFrom('report_access').select('report_id').where('org_id', '=', org.id).execute()).map((a) => a.report_id),
      )
      let inFlight = 0
      for (const r of reports) {
        const report = await findReportByRef(db, cipher, org.id, r.ref)
        expect(sent.has(report!.title), `stored report ${r.ref} was sent`).toBe(true)
        expect(withReceipt.has(r.id), `receipt event of ${r.ref}`).toBe(true)
        expect(withAccess.has(r.id), `follow-up capability of ${r.ref}`).toBe(true)
        if (!acked.has(r.ref)) inFlight++
      }
      expect(receipts.length).toBe(reports.length)
      expect(mailByRef.size).toBeLessThanOrEqual(reports.length)
      const reporters = await db.selectFrom('reporter').select('id').where('org_id', '=', org.id).execute()
      expect(reporters.length, 'no orphan reporter rows').toBe(reports.length)

      // 3. The audit chain verifies from the first event to the last.
      expect(await verifyEventChain(db, org.id)).toBeNull()

      // 4. SQLite's own checks.
      if (ctx.dialect === 'sqlite') {
        const file = fresh.url.slice('sqlite:'.length)
        const raw = new SQLite(file, { readonly: true })
        try {
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
          expect(raw.pragma('foreign_key_check')).toEqual([])
        } finally {
          raw.close()
        }
      }

      // Restart time. The F-1 bar (≤ 5 s) is for the production build, measured by `npm run bench`
      // (start-up row); here the sources go through tsx on a busy CI machine, so only a sanity bound.
      expect(Math.max(...restartMs)).toBeLessThan(45_000)
      process.stderr.write(
        `[crash ${ctx.dialect}] ${iterations} kills: ${sent.size} sent, ${acked.size} acknowledged, ${reports.length} stored (${inFlight} caught in flight, committed but unacknowledged), 0 acked-but-missing; restart ${restartMs.map((m) => Math.round(m)).join('/')} ms\n`,
      )
    } finally {
      await setup.close()
      await fresh.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 240_000)
})
