/**
 * Issue 15 item 1: `embargo serve --role …` and a graceful stop. SIGTERM in the middle of a
 * report submission: the submission still gets its 201 and is stored, and the process exits 0.
 * SIGTERM in the middle of an SMTP transaction: the mail still gets its 250 and is stored. Each
 * role answers `/readyz` with what it runs, and only the web role serves the application.
 */
import http from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setSecurityAddress } from '../../../src/mail/index.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { startTestApp, type TestApp } from '../../support/app.js'
import { eachDialect, type FreshDatabase } from '../../support/databases.js'
import { type ClockFile, clockFile, type ServeProcess, startServeProcess } from '../../support/serve-process.js'
import { instanceEnv, smtpSession } from './scale-support.js'

eachDialect('graceful stop and roles', (ctx) => {
  let fresh: FreshDatabase | undefined
  let t: TestApp | undefined
  let org: OrganizationRow
  let clock: ClockFile
  const started: ServeProcess[] = []
  beforeAll(async () => {
    fresh = await ctx.freshDatabase()
    t = await startTestApp(fresh.url)
    t.clock.current = new Date()
    clock = clockFile(t.clock.now())
    org = await t.given.org()
    expect((await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })).ok).toBe(true)
  })
  afterAll(async () => {
    for (const p of started) await p.kill()
    await t?.close()
    await fresh?.drop()
  })
  const start = async (role: Parameters<typeof startServeProcess>[0]) => {
    const p = await startServeProcess(role, instanceEnv(fresh!.url), clock)
    started.push(p)
    return p
  }

  it('finishes a submission under way when SIGTERM comes, then exits 0', async () => {
    const web = await start('web')
    const body = JSON.stringify({ title: 'Finished after SIGTERM', description: 'Half of this body arrives before the signal.' })
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        `${web.baseUrl}/api/v1/orgs/${org.slug}/reports`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          let text = ''
          response.on('data', (d) => (text += d))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
        },
      )
      request.on('error', reject)
      request.write(body.slice(0, 20))
      // The rest after the signal: the request is in flight while the process begins to stop.
      setTimeout(() => {
        process.kill(web.pid, 'SIGTERM')
        setTimeout(() => request.end(body.slice(20)), 300)
      }, 300)
    })
    const { status, body: text } = await answer
    expect(status, text).toBe(201)
    const { ref } = JSON.parse(text) as { ref: string }
    expect(await web.exited).toBe(0)
    const stored = await t!.deps.db.selectFrom('report').select('ref').where('org_id', '=', org.id).where('ref', '=', ref).execute()
    expect(stored).toHaveLength(1)
  }, 120_000)

  it('lets an SMTP transaction under way end with 250 when SIGTERM comes, stores the mail, then exits 0', async () => {
    const mail = await start('mail')
    expect(mail.smtpPort).not.toBeNull()
    const s = await smtpSession(mail.smtpPort!)
    expect(await s.command('EHLO mta.example.net')).toMatch(/^250 /)
    expect(await s.command('MAIL FROM:<finder@example.net>')).toMatch(/^250 /)
    expect(await s.command(`RCPT TO:<security@${org.slug}.example>`)).toMatch(/^250 /)
    expect(await s.command('DATA')).toMatch(/^354 /)
    s.write(
      `From: finder@example.net\r\nTo: security@${org.slug}.example\r\nSubject: Sent across a shutdown\r\nMessage-ID: <across-sigterm@example.net>\r\n\r\n`,
    )
    process.kill(mail.pid, 'SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))
    s.write('The listener stops accepting, but this session ends normally.\r\n.\r\n')
    expect(await s.reply()).toMatch(/^250 /)
    await s.command('QUIT')
    s.close()
    expect(await mail.exited).toBe(0)
    const rows = await t!.deps.db.selectFrom('inbound_mail').select(['state']).where('org_id', '=', org.id).execute()
    expect(rows).toHaveLength(1)
    // Accepted and ingested before the process left: a report came of it.
    expect(rows[0]!.state).toBe('ingested')
  }, 120_000)

  it('answers /readyz with its role and what the role runs; the worker serves no application page', async () => {
    const [web, worker] = await Promise.all([start('web'), start('worker')])
    const readyOf = async (p: ServeProcess) => {
      const r = await fetch(`${p.baseUrl}/readyz`)
      return { status: r.status, body: (await r.json()) as { role: string; checks: Record<string, string> } }
    }
    const w = await readyOf(web)
    expect(w.status).toBe(200)
    expect(w.body.role).toBe('web')
    expect(w.body.checks).not.toHaveProperty('jobs')
    const k = await readyOf(worker)
    expect(k.status).toBe(200)
    expect(k.body.role).toBe('worker')
    expect(k.body.checks.jobs).toBe('ok')
    expect((await fetch(`${worker.baseUrl}/o/${org.slug}/report`)).status).toBe(404)
    expect((await fetch(`${web.baseUrl}/o/${org.slug}/report`)).status).toBe(200)
    expect(await worker.terminate()).toBe(0)
    expect(await web.terminate()).toBe(0)
  }, 120_000)
})
