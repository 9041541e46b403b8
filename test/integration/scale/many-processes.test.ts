/**
 * Issue 15 item 1: three `embargo serve` processes on one PostgreSQL database — `web`, `worker`
 * and `all` — under mixed load: reports through the API of both web-serving processes, reports by
 * mail to the SMTP listener, the team's replies through the API, clocks falling due, scheduled advisories published and announced to
 * a webhook, the outbox delivering to a relay. In the middle, the `all` process is killed with
 * SIGKILL. Afterwards, counted at the real relay and the real webhook receiver and in the
 * database: every submission that got a 201 or a 250 is stored once, each acknowledgment and
 * each other mail arrives as one message, each advisory is announced once, each clock action is
 * taken once.
 *
 * One message: a delivery whose relay said 250 just before the kill, and whose row was not marked
 * sent yet, is delivered again after its lease ends — with the same Message-ID (webhook-id for
 * announcements), which receivers deduplicate by. The test counts messages by that identity and
 * bounds the repeats by the rows one process can hold at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configureChannel } from '../../../src/announcements/use-cases/configure-channel.js'
import { createApiToken } from '../../../src/api-tokens/use-cases/create-api-token.js'
import { cipherFor } from '../../../src/deps.js'
import { scheduleAdvisory } from '../../../src/disclosure/use-cases/schedule-advisory.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { findReportByRef } from '../../../src/storage/repositories/report-repository.js'
import { asMember, startTestApp, type TestApp } from '../../support/app.js'
import { type FreshDatabase, freshDatabase } from '../../support/databases.js'
import { postgres } from '../../support/environment.js'
import { mta, parseMail, startRelay, type TestRelay } from '../../support/mail.js'
import { type ClockFile, clockFile, type ServeProcess, startServeProcess } from '../../support/serve-process.js'
import { type Receiver, startReceiver, withAnnouncements } from '../announcements/announcement-support.js'
import { draftFor, fixedReport, orgWithAdvisories, viewerOf } from '../disclosure/disclosure-support.js'
import { aboutFirstProgram, orgWithPreset } from '../policy/policy-support.js'
import { instanceEnv } from './scale-support.js'

const server = postgres()
const suite = server.available ? describe : describe.skip
const hour = 3_600_000
const day = 24 * hour
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const messageIdOf = (raw: Buffer) => /^message-id:\s*(<[^>\r\n]+>)/im.exec(raw.toString('latin1'))?.[1] ?? null

suite(`three processes on one PostgreSQL${server.available ? '' : ` (SKIPPED: ${server.reason})`}`, () => {
  let fresh: FreshDatabase | undefined
  let t: TestApp
  let relay: TestRelay
  let receiver: Receiver
  let clock: ClockFile
  const processes: ServeProcess[] = []

  beforeAll(async () => {
    fresh = await freshDatabase('postgres')
    t = await startTestApp(fresh.url, { announceHttp: true, mailFrom: 'security@example.org' })
    t.clock.current = new Date(Math.floor(Date.now() / hour) * hour)
    clock = clockFile(t.clock.now())
    relay = await startRelay()
    receiver = await startReceiver()
  }, 60_000)
  afterAll(async () => {
    for (const p of processes) await p.kill()
    await receiver?.close()
    await relay?.close()
    await t?.close()
    await fresh?.drop()
  })

  it('stores every acknowledged report once, sends each mail and webhook once and takes each clock action once, across a SIGKILL', async () => {
    // Kumi Systems: reports by web and mail, clocks with reminders and an escalation chain.
    const kumi = await orgWithPreset(t, 'kumi-systems')
    const security = `security@${kumi.slug}.example`
    expect((await setSecurityAddress(t.deps, kumi, { address: security, encryptionRequired: false })).ok).toBe(true)
    const alice = await t.given.member(kumi, 'responder', 'Alice Kumi')
    const token = await createApiToken(t.deps, kumi, asMember(alice), { name: 'load', scope: 'work', days: '30' })
    if (!token.ok) throw new Error(JSON.stringify(token.error))
    const about = await aboutFirstProgram(t, kumi)

    // Alkemio: advisories scheduled for the coming hour, announced to a partner's webhook.
    const alkemio = await orgWithAdvisories(t, '')
    await withAnnouncements(t, alkemio, [{ kind: 'advisory', name: 'Partner feed' }])
    const admin = await t.given.member(alkemio, 'admin')
    const channel = await configureChannel(
      t.deps,
      alkemio,
      { name: 'Partner feed', delivery: 'webhook', address: '', url: `${receiver.url}/hook`, homeserver: '', room: '', token: '' },
      admin.id,
    )
    expect(channel.ok).toBe(true)
    const scheduled: string[] = []
    for (let i = 0; i < 4; i++) {
      const { ref } = await fixedReport(t, alkemio, admin, {
        title: `Advisory source ${i}`,
        reporterEmail: `partner-source-${i}@example.net`,
      })
      const ownId = await draftFor(t, alkemio, ref, admin, `Scheduled advisory ${i}`)
      const at = new Date(t.clock.now().getTime() + (i + 1) * 60_000).toISOString()
      expect((await scheduleAdvisory(t.deps, alkemio, ownId, at, viewerOf(admin))).ok).toBe(true)
      scheduled.push(ownId)
    }

    const env = instanceEnv(fresh!.url, {
      EMBARGO_SMTP_RELAY_URL: `smtp://127.0.0.1:${relay.port}`,
      EMBARGO_MAIL_FROM: 'security@example.org',
      EMBARGO_ANNOUNCE_HTTP: 'true',
      EMBARGO_EGRESS_ALLOW: '127.0.0.0/8',
    })
    const [web, worker, all] = await Promise.all([
      startServeProcess('web', env, clock),
      startServeProcess('worker', env, clock),
      startServeProcess('all', env, clock),
    ])
    processes.push(web, worker, all)

    // The load: two API clients on each web-serving process, one MTA on the listener.
    const acked = new Map<string, { ref: string; email: string }>() // title → what the 201 said
    const mailed = new Map<string, string>() // subject → sender, for each 250
    const stop = { load: false }
    let n = 0
    const apiClient = async (p: ServeProcess) => {
      while (!stop.load) {
        const i = n++
        const title = `Load report ${i}`
        const email = `reporter-${i}@example.net`
        try {
          const res = await fetch(`${p.baseUrl}/api/v1/orgs/${kumi.slug}/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ title, description: `Steps for ${i}.`, reporterEmail: email, ...about }),
          })
          const text = await res.text()
          if (res.status === 201) acked.set(title, { ref: (JSON.parse(text) as { ref: string }).ref, email })
          else if (p !== all) throw new Error(`${p.role} answered ${res.status}: ${text}`)
        } catch (error) {
          if (p !== all) throw error // only the killed process may refuse or reset
          await sleep(50)
        }
      }
    }
    const mailClient = async () => {
      while (!stop.load) {
        const i = n++
        const subject = `Mailed report ${i}`
        const from = `mailer-${i}@example.net`
        const client = mta(all.smtpPort!)
        try {
          await client.sendMail({ from, to: security, subject, text: `Found by mail, ${i}.`, messageId: `<load-${i}@example.net>` })
          mailed.set(subject, from)
        } catch {
          // After the kill: the sending MTA keeps it (a 4xx or a refused connection), nothing was acknowledged.
          await sleep(50)
        } finally {
          client.close()
        }
      }
    }
    // Alice answers acknowledged reports through the API of either process: one reply each.
    const replied = new Set<string>()
    const replyClient = async (p: ServeProcess) => {
      while (!stop.load) {
        const ref = [...acked.values()].map((a) => a.ref).find((r) => !replied.has(r))
        if (!ref) {
          await sleep(50)
          continue
        }
        replied.add(ref) // tried once, whatever the answer: a reply is never repeated
        try {
          const res = await fetch(`${p.baseUrl}/api/v1/orgs/${kumi.slug}/reports/${ref}/replies`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token.value.secret}` },
            body: JSON.stringify({ body: `Thanks, we are looking at ${ref}.`, visibility: 'reporter' }),
          })
          const text = await res.text()
          if (res.status === 201) answered.add(ref)
          else if (p !== all) throw new Error(`${p.role} answered ${res.status} to a reply: ${text}`)
        } catch (error) {
          if (p !== all) throw error
          await sleep(50)
        }
      }
    }
    const answered = new Set<string>()
    const clients = [apiClient(web), apiClient(web), apiClient(all), apiClient(all), mailClient(), replyClient(web), replyClient(all)]
    // Phases by what was acknowledged, not by the wall clock: the machine may be slow.
    const until = async (what: string, done: () => boolean) => {
      const deadline = Date.now() + 60_000
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`load: ${what} did not happen in 60 s`)
        await sleep(100)
      }
    }
    await until('the first reports', () => acked.size >= 8 && mailed.size >= 2)
    // Time moves while the load runs: the advisories fall due, then every early report's clocks.
    clock.advance(5 * 60_000)
    const before = acked.size
    await until('more reports', () => acked.size >= before + 6)
    clock.advance(20 * day)
    await sleep(300 + Math.random() * 1200)
    await all.kill()
    const atKill = acked.size
    await until('reports after the kill', () => acked.size >= atKill + 4)
    stop.load = true
    await Promise.all(clients)

    // After the kill: the rows the killed process held come back when their lease (5 min) ends.
    clock.advance(10 * 60_000)
    const db = t.deps.db
    const now = () => clock.now().toISOString()
    const orgs = [kumi.id, alkemio.id]
    const quiet = async () => {
      const pendingOutbox = await db
        .selectFrom('outbox')
        .select('id')
        .where('org_id', 'in', orgs)
        .where('done_at', 'is', null)
        .where('dead_at', 'is', null)
        .execute()
      const pendingMail = await db
        .selectFrom('inbound_mail')
        .select('id')
        .where('org_id', 'in', orgs)
        .where('state', '=', 'received')
        .execute()
      const dueReports = await db.selectFrom('report').select('id').where('org_id', 'in', orgs).where('wake_at', '<=', now()).execute()
      const hooks = new Set(receiver.at('/hook').map((h) => h.headers['webhook-id']))
      return pendingOutbox.length + pendingMail.length + dueReports.length === 0 && hooks.size === scheduled.length
    }
    const deadline = Date.now() + 60_000
    while (!(await quiet())) {
      if (Date.now() > deadline) throw new Error(`not quiet after 60 s:\n${worker.output().slice(-3000)}`)
      await sleep(500)
    }
    await sleep(1500) // anything sent twice would have arrived by now

    // 1. Every acknowledged report is stored, once.
    const kumiCipher = cipherFor(t.deps, kumi)
    const refs = await db.selectFrom('report').select('ref').where('org_id', '=', kumi.id).execute()
    const titles = new Map<string, number>()
    for (const { ref } of refs) {
      const title = (await findReportByRef(db, kumiCipher, kumi.id, ref))?.title ?? ''
      titles.set(title, (titles.get(title) ?? 0) + 1)
    }
    for (const [title, { ref }] of acked) expect(titles.get(title), `${title} (${ref})`).toBe(1)
    for (const subject of mailed.keys()) expect(titles.get(subject), subject).toBe(1)
    for (const [title, count] of titles) expect(count, title).toBe(1)

    // Each reply that got a 201 is stored once; none that did not (the killed process's answer lost) twice.
    const teamMessages = await db
      .selectFrom('message')
      .innerJoin('report', (j) => j.onRef('report.id', '=', 'message.report_id').onRef('report.org_id', '=', 'message.org_id'))
      .select(['report.ref'])
      .where('message.org_id', '=', kumi.id)
      .where('message.author_kind', '=', 'responder')
      .execute()
    const repliesPerRef = new Map<string, number>()
    for (const m of teamMessages) repliesPerRef.set(m.ref, (repliesPerRef.get(m.ref) ?? 0) + 1)
    expect(answered.size, 'replies answered 201').toBeGreaterThan(0)
    for (const ref of answered) expect(repliesPerRef.get(ref), `reply to ${ref}`).toBe(1)
    for (const [ref, count] of repliesPerRef) expect(count, `replies stored for ${ref}`).toBe(1)

    // 2. Each mail the outbox holds arrived as one message; none is dead.
    const received = relay.received.map((m) => ({ ...m, id: messageIdOf(m.raw) }))
    const byId = new Map<string, typeof received>()
    for (const m of received) byId.set(m.id ?? '', [...(byId.get(m.id ?? '') ?? []), m])
    expect(byId.has(''), 'a mail without Message-ID').toBe(false)
    const mailRows = await db
      .selectFrom('outbox')
      .select(['id', 'done_at', 'dead_at'])
      .where('org_id', 'in', orgs)
      .where('kind', '=', 'mail')
      .execute()
    expect(mailRows.filter((r) => r.dead_at !== null)).toEqual([])
    expect(byId.size).toBe(mailRows.length)
    const repeats = received.length - byId.size
    expect(repeats, 'deliveries repeated after the kill (same Message-ID)').toBeLessThanOrEqual(20)

    // 3. Each acknowledgment: one message to each reporter who got a 201 or a 250.
    const acknowledgments = new Map<string, Set<string>>()
    for (const m of received) {
      const mail = await parseMail(m.raw)
      if (mail.subject?.includes('We received your report'))
        for (const to of m.rcpt) acknowledgments.set(to, (acknowledgments.get(to) ?? new Set()).add(m.id ?? ''))
    }
    for (const { email, ref } of acked.values()) expect(acknowledgments.get(email)?.size, `acknowledgment of ${ref}`).toBe(1)
    for (const from of mailed.values()) expect(acknowledgments.get(from)?.size, `acknowledgment to ${from}`).toBe(1)

    // 4. Each scheduled advisory was published and announced once.
    const announced = new Map<string, Set<string>>()
    for (const hit of receiver.at('/hook')) {
      const id = (JSON.parse(hit.body) as { data: { advisory: { id: string } } }).data.advisory.id
      announced.set(id, (announced.get(id) ?? new Set()).add(hit.headers['webhook-id'] ?? ''))
    }
    for (const ownId of scheduled) expect(announced.get(ownId)?.size, `announcement of ${ownId}`).toBe(1)
    expect(announced.size).toBe(scheduled.length)

    // 5. Each clock action once: no report has an action key recorded twice, and some were taken.
    const escalations = await db
      .selectFrom('event')
      .select(['report_id', 'data'])
      .where('org_id', '=', kumi.id)
      .where('type', '=', 'escalation.sent')
      .execute()
    const keys = escalations.map((e) => `${e.report_id} ${(JSON.parse(e.data) as { key: string }).key}`)
    expect(keys.length, 'clock actions taken').toBeGreaterThan(0)
    expect(new Set(keys).size).toBe(keys.length)

    process.stdout.write(
      `many processes: ${acked.size} reports by HTTP and ${mailed.size} by mail acknowledged, ${byId.size} mails, ` +
        `${repeats} repeated after the kill, ${answered.size} replies, ${announced.size} announcements, ${keys.length} clock actions\n`,
    )

    // The survivors stop cleanly.
    expect(await web.terminate()).toBe(0)
    expect(await worker.terminate()).toBe(0)
  }, 420_000)
})
