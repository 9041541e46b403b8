import { sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { setSecurityAddress, startInbound } from '../../../src/mail/index.js'
import { submitAndFollow, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { mta } from '../../support/mail.js'
import { orgWithPreset, reportViaApi, sweepAt } from '../policy/policy-support.js'

const token = 'metrics-token-for-the-scraper-0123456789'

/** The value of one sample of the exposition text, or 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const has = Object.entries(labels).every(([k, v]) => (match[2] ?? '').includes(`${k}="${v}"`))
    if (has) return Number(match[3])
  }
  return 0
}

eachDialect('operations: metrics, health and readiness', (ctx) => {
  describe('with a metrics token', () => {
    const app = useTestApp(ctx, { metricsToken: token })
    const scrape = async () => {
      const res = await app().app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('text/plain')
      return res.body
    }

    it('refuses a scraper without the token, or with another, with 401 and no figures', async () => {
      const t = app()
      for (const authorization of [undefined, `Bearer ${token.slice(0, -1)}x`, `Bearer ${token}x`, token, 'Basic abc']) {
        const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} })
        expect(res.statusCode, String(authorization)).toBe(401)
        expect(res.headers['www-authenticate']).toContain('Bearer')
        expect(res.body).not.toContain('embargo_')
      }
    })

    it('counts a report submitted on the web form, the acknowledgment it queued, and the request, with no reference, token or address in any label', async () => {
      const t = app()
      const org = await t.given.org()
      const before = await scrape()
      const browser = t.browser()
      const submitted = await submitAndFollow(browser, `/o/${org.slug}/report`, `/o/${org.slug}/report`, {
        title: 'Stored XSS in the profile page',
        description: 'The bio field is rendered unescaped.',
        reporterEmail: 'metrics-reporter@example.net',
      })
      expect(submitted.status).toBe(303)
      const sent = submitted.page
      const ref = new RegExp(`${org.ref_prefix}-\\d{4}-\\d{4}`).exec(sent.body)![0]
      const followUp = /\/f\/([A-Za-z0-9_-]{20,})/.exec(sent.body)![1]!
      // The reporter opens the secret link: a raw URL label would now hold the token.
      await browser.get(`/f/${followUp}`)

      const after = await scrape()
      expect(sample(after, 'embargo_reports_received_total', { channel: 'web' })).toBe(
        sample(before, 'embargo_reports_received_total', { channel: 'web' }) + 1,
      )
      // No relay is configured: the acknowledgment to the reporter waits in the outbox.
      expect(sample(after, 'embargo_outbox_depth', { kind: 'mail' })).toBeGreaterThanOrEqual(
        sample(before, 'embargo_outbox_depth', { kind: 'mail' }) + 1,
      )
      expect(after).toMatch(/embargo_outbox_oldest_age_seconds\{kind="mail"\} \d/)
      expect(
        sample(after, 'embargo_http_requests_total', { method: 'POST', route: '/o/:org/report', status: '303' }),
      ).toBeGreaterThanOrEqual(1)
      expect(sample(after, 'embargo_http_requests_total', { method: 'GET', route: '/f/:token' })).toBeGreaterThanOrEqual(1)
      for (const secret of [ref, followUp, org.slug, 'metrics-reporter@example.net', 'Stored XSS']) {
        expect(after, `the metrics show ${secret}`).not.toContain(secret)
      }
      // Process figures and the event loop's lag are there too.
      expect(after).toContain('process_resident_memory_bytes')
      expect(after).toContain('nodejs_eventloop_lag_seconds')
    })

    it('counts mail the SMTP listener accepted and refused, and the report the accepted one became', async () => {
      const t = app()
      const org = await t.given.org()
      const security = `security@${org.slug}.example`
      expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
      const inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
      try {
        const before = await scrape()
        const client = mta(inbound.smtpPort!)
        try {
          await client.sendMail({ from: 'finder@example.net', to: security, subject: 'RCE in upload', text: 'Steps to reproduce.' })
          await expect(
            client.sendMail({ from: 'finder@example.net', to: `nobody@${org.slug}.example`, subject: 'x', text: 'y' }),
          ).rejects.toThrow(/550/)
        } finally {
          client.close()
        }
        const count = (text: string, name: string, labels: Record<string, string>) =>
          sample(text, name, labels) - sample(before, name, labels)
        await vi.waitFor(
          async () => {
            const after = await scrape()
            expect(count(after, 'embargo_smtp_mail_total', { outcome: 'accepted' })).toBe(1)
            expect(count(after, 'embargo_smtp_mail_total', { outcome: 'refused', reason: 'recipient' })).toBe(1)
            expect(count(after, 'embargo_inbound_mail', { source: 'smtp', state: 'ingested' })).toBe(1)
            expect(count(after, 'embargo_reports_received_total', { channel: 'email' })).toBe(1)
            expect(after).not.toContain(security)
          },
          { timeout: 10_000, interval: 100 },
        )
      } finally {
        await inbound.stop()
      }
    })

    it('shows the clock scheduler falling behind once a report clock is due and nobody swept it', async () => {
      const t = app()
      const org = await orgWithPreset(t, 'kumi-systems')
      await reportViaApi(t, org)
      expect(sample(await scrape(), 'embargo_clock_lag_seconds')).toBe(0)
      // No scheduler runs in this app: a month later the report's first clock has long been due.
      t.clock.advance(30 * 24 * 3600_000)
      expect(sample(await scrape(), 'embargo_clock_lag_seconds')).toBeGreaterThan(24 * 3600)
      // The scheduler catches up, and the lag is gone.
      await sweepAt(t, t.clock.now().toISOString())
      expect(sample(await scrape(), 'embargo_clock_lag_seconds')).toBe(0)
    })
  })

  describe('without a metrics token', () => {
    const app = useTestApp(ctx)

    it('answers 404 on /metrics, as if there were no such page', async () => {
      const res = await app().app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } })
      expect(res.statusCode).toBe(404)
      expect(res.body).not.toContain('embargo_')
    })

    it('is ready while the database answers, the schema is current and the key opens the data keys; 503 naming the failed check otherwise', async () => {
      const t = app()
      await t.given.org()
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' })
      expect(ready.statusCode).toBe(200)
      expect(ready.json()).toEqual({ status: 'ready', role: 'all', checks: { database: 'ok', migrations: 'ok', masterKey: 'ok' } })

      // A migration this code knows is missing from the database (an older schema restored, say).
      const last = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(t.deps.db)
      const name = last.rows[0]!.name
      await sql`delete from kysely_migration where name = ${name}`.execute(t.deps.db)
      const behind = await t.app.inject({ method: 'GET', url: '/readyz' })
      expect(behind.statusCode).toBe(503)
      expect(behind.json().checks).toEqual({ database: 'ok', migrations: 'failed', masterKey: 'ok' })
      await sql`insert into kysely_migration (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(t.deps.db)
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)

      await t.deps.db.destroy()
      const down = await t.app.inject({ method: 'GET', url: '/readyz' })
      expect(down.statusCode).toBe(503)
      expect(down.json()).toEqual({
        status: 'not ready',
        role: 'all',
        checks: { database: 'failed', migrations: 'failed', masterKey: 'failed' },
      })
      expect(down.body).not.toMatch(/sqlite|postgres|destroyed|Error/i)
      // Alive all the same: the process answers without touching the database.
      const alive = await t.app.inject({ method: 'GET', url: '/healthz' })
      expect(alive.statusCode).toBe(200)
      expect(alive.json()).toEqual({ status: 'ok' })
    })
  })
})
