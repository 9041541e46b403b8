/**
 * EU Cyber Resilience Act, Article 14, on both databases with a controlled clock: a manufacturer
 * in Austria marks a report as actively exploited on a Friday at 17:00 (Vienna); the early warning
 * falls due Saturday 17:00 and the notification Monday 17:00, whatever the weekend and the public
 * holiday on Tuesday 8 December; the final report 14 days after the measure is available.
 * Reminders and escalation reach the whole team and the named contact, each once; the exports
 * carry what each stage asks and nothing internal.
 */
import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { editAdvisory } from '../../../src/disclosure/use-cases/edit-advisory.js'
import { publishAdvisory } from '../../../src/disclosure/use-cases/publish-advisory.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { buildOutboundMail } from '../../../src/mail/outbound-mail.js'
import { runCraSweep } from '../../../src/regulation/index.js'
import { verifyEventChain } from '../../../src/storage/repositories/event-repository.js'
import { type TestApp, textOf, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { draftFor, fixedReport, viewerOf } from '../disclosure/disclosure-support.js'
import { at, basePolicy, eventsOf, mailsFor, orgWithPolicy, reportViaApi } from '../policy/policy-support.js'
import { alpenrouterPolicy, routerAdvisory } from './cra-support.js'

const craSweepAt = async (t: TestApp, iso: string) => {
  t.clock.current = new Date(iso)
  return runCraSweep(t.deps, t.clock.now())
}

eachDialect('EU Cyber Resilience Act, Article 14', (ctx) => {
  const app = useTestApp(ctx)

  async function alpenrouter() {
    const t = app()
    at(t, '2026-12-01T08:00:00.000Z')
    const org = await orgWithPolicy(t, alpenrouterPolicy)
    const alice = await t.given.member(org, 'responder', 'Alice Alpen')
    const bob = await t.given.member(org, 'admin', 'Bob Alpen')
    const as = async (m: typeof alice) => {
      const b = t.browser()
      await b.signIn(m)
      return b
    }
    // Friday 4 December 2026, 16:30 in Vienna.
    at(t, '2026-12-04T15:30:00.000Z')
    const { ref, page } = await reportViaApi(t, org, {
      title: 'Shell injection via diagnostics',
      program: 'firmware',
      programFields: { model: 'AR-500' },
    })
    return { t, org, alice, bob, as, ref, page, cra: `${page}/cra` }
  }

  it('starts the clocks at awareness in calendar hours: Friday 17:00 → Saturday 17:00 and Monday 17:00; the final report 14 days after the measure', async () => {
    const { t, org, alice, as, ref, page, cra } = await alpenrouter()
    at(t, '2026-12-04T16:10:00.000Z')
    let a = await as(alice)
    expect((await a.get(page)).body).toContain('Mark as actively exploited or severe incident')
    const marked = await a.submit(cra, cra, {
      kind: 'vulnerability',
      awareAt: '2026-12-04T17:00',
      evidence: 'CANARY-EVIDENCE honeypot logs show the payload',
    })
    expect(marked.statusCode).toBe(303)
    expect(marked.headers.location).toBe(cra)
    const shown = await a.get(String(marked.headers.location))
    expect(shown.body).toContain('The report is marked; the clocks run from the moment of awareness.')
    // Each deadline in the organization's zone, named, and how far away it is (now: Friday 17:10 in Vienna).
    expect(textOf(shown.body)).toContain('Sat, 5 Dec 2026, 17:00 CET (Europe/Vienna) · in 24 hours')
    expect(textOf(shown.body)).toContain('Mon, 7 Dec 2026, 17:00 CET (Europe/Vienna) · in 3 days')
    expect(shown.body).toContain('Starts when a corrective or mitigating measure is available')
    expect(shown.body).toContain('CANARY-EVIDENCE')
    // A second mark is refused; the report page shows the case.
    expect((await a.submit(cra, cra, { kind: 'incident', awareAt: '2026-12-04T17:00', evidence: 'again' })).statusCode).toBe(409)
    expect((await a.get(page)).body).toContain('data-cra-stage="early-warning" data-state="running"')

    // Measure available Thursday 10 December 12:00 → final report Thursday 24 December 12:00.
    at(t, '2026-12-10T12:00:00.000Z')
    a = await as(alice)
    expect((await a.submit(cra, `${cra}/measure`, { measureAt: '2026-12-10T12:00' })).statusCode).toBe(303)
    const after = await a.get(cra)
    expect(textOf(after.body)).toContain('Thu, 24 Dec 2026, 12:00 CET (Europe/Vienna) · in 14 days')
    expect(after.body).toContain('data-cra-stage="notification" data-state="overdue"')
    // A measure before the awareness, or in the future, is refused.
    expect((await a.submit(cra, `${cra}/measure`, { measureAt: '2026-12-03T12:00' })).statusCode).toBe(422)
    expect((await a.submit(cra, `${cra}/measure`, { measureAt: '2026-12-31T12:00' })).statusCode).toBe(422)

    const types = (await eventsOf(t, org, ref)).map((e) => e.type)
    expect(types).toContain('cra.marked')
    expect(types).toContain('cra.measure_recorded')
    expect(await verifyEventChain(t.deps.db, org.id)).toBeNull()
  })

  it('reminds at half and three quarters and escalates at the deadline, to the whole team and the named contact, each once', async () => {
    const { t, org, alice, bob, as, ref, cra } = await alpenrouter()
    at(t, '2026-12-04T16:10:00.000Z')
    let a = await as(alice)
    await a.submit(cra, cra, { kind: 'vulnerability', awareAt: '2026-12-04T17:00', evidence: 'Seen in the wild.' })
    const craMails = async () => (await mailsFor(t, org, ref)).filter((m) => m.template.startsWith('team.cra-'))

    // Nothing before half of the 24 h window (Saturday 05:00 Vienna).
    await craSweepAt(t, '2026-12-05T03:59:00.000Z')
    expect(await craMails()).toHaveLength(0)
    // Half: one reminder to everyone; two sweepers at once and a second sweep send nothing more.
    t.clock.current = new Date('2026-12-05T04:00:00.000Z')
    await Promise.all([runCraSweep(t.deps, t.clock.now()), runCraSweep(t.deps, t.clock.now())])
    await craSweepAt(t, '2026-12-05T04:30:00.000Z')
    const half = await craMails()
    expect(half.map((m) => m.to).sort()).toEqual([alice.email, bob.email, 'ciso@alpenrouter.example'].sort())
    expect(half.every((m) => m.template === 'team.cra-reminder' && m.clock === 'cra-early-warning')).toBe(true)
    expect(half.every((m) => m.dueAt === '2026-12-05T16:00:00.000Z')).toBe(true)
    // Three quarters, then the deadline: the escalation.
    await craSweepAt(t, '2026-12-05T10:00:00.000Z')
    await craSweepAt(t, '2026-12-05T16:00:00.000Z')
    await craSweepAt(t, '2026-12-05T16:01:00.000Z')
    const early = (await craMails()).filter((m) => m.clock === 'cra-early-warning')
    expect(early).toHaveLength(9)
    expect(
      early
        .filter((m) => m.template === 'team.cra-overdue')
        .map((m) => m.to)
        .sort(),
    ).toEqual([alice.email, bob.email, 'ciso@alpenrouter.example'].sort())
    const alerts = (await eventsOf(t, org, ref)).filter((e) => e.type === 'cra.alert_sent' && e.data.stage === 'early-warning')
    expect(alerts.map((e) => e.data.kind)).toEqual(['remind', 'remind', 'overdue'])
    expect(new Set(alerts.map((e) => e.data.key)).size).toBe(3)
    expect(alerts[0]?.data.to).toBe('team,contact:ciso')
    // The escalation as the named contact receives it: generic subject, the stage, its deadline in Vienna time, the case's link.
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).orderBy('created_at').execute()
    const cipher = cipherFor(t.deps, org)
    const row = rows.find((r) => {
      const payload = cipher.decrypt(r.payload_enc, `outbox.payload|${r.id}`)
      return payload.includes('team.cra-overdue') && payload.includes('ciso@alpenrouter.example')
    })
    if (!row) throw new Error('no CRA escalation to the contact in the outbox')
    await setSecurityAddress(t.deps, org, { address: `security@${org.slug}.example`, encryptionRequired: false })
    const raw = (await buildOutboundMail(t.deps, row)).raw
      .toString('utf8')
      .replace(/=\r?\n/g, '')
      .replace(/\r?\n /g, ' ')
    expect(raw).toContain('CRA escalation: a reporting deadline has passed')
    expect(raw).toContain('the early warning to the CSIRT and ENISA was due Sat, 5 Dec 2026, 17:00 CET (Europe/Vienna)')
    expect(raw).toContain(`/w/${org.slug}/reports/${ref}/cra`)
    expect(raw).not.toContain('Seen in the wild')

    // Filing the notification in time stops its alerts after the reminders already sent.
    await craSweepAt(t, '2026-12-06T04:00:00.000Z')
    at(t, '2026-12-06T09:00:00.000Z')
    a = await as(alice)
    const notification = `${cra}/notification`
    expect(
      (await a.submit(notification, `${notification}/filed`, { filedAt: '2026-12-06T10:00', reference: 'ENISA-N-42' })).statusCode,
    ).toBe(303)
    await craSweepAt(t, '2026-12-07T16:30:00.000Z')
    const told = (await craMails()).filter((m) => m.clock === 'cra-notification')
    expect(told.map((m) => m.template)).toEqual(['team.cra-reminder', 'team.cra-reminder', 'team.cra-reminder'])
  })

  it('pre-fills each stage from the advisory, exports JSON and a printable page with what the Act asks and nothing internal, and records the filing', async () => {
    const { t, org, alice, as, ref, page, cra } = await alpenrouter()
    at(t, '2026-12-04T16:10:00.000Z')
    let a = await as(alice)
    const ownId = await draftFor(t, org, ref, alice, 'Command injection in the Alpenrouter web interface')
    expect((await editAdvisory(t.deps, org, ownId, routerAdvisory(), viewerOf(alice))).ok).toBe(true)
    expect((await a.submit(page, `${page}/messages`, { body: 'CANARY-NOTE internal only', visibility: 'internal' })).statusCode).toBe(303)
    await a.submit(cra, cra, { kind: 'vulnerability', awareAt: '2026-12-04T17:00', evidence: 'CANARY-EVIDENCE from the honeypot' })

    // The advisory's page leads to the case of each report it covers.
    expect((await a.get(`/w/${org.slug}/advisories/${ownId}`)).body).toContain(`href="${cra}"`)
    const form = await a.get(`${cra}/notification`)
    expect(form.body).toContain('Alpenrouter AR-500, from 1.0.0 fixed in 2.0.1')
    expect(form.body).toContain('Command injection in the Alpenrouter web interface (CWE-78)')
    expect(form.body).toContain('Switch off the web interface on the LAN side.')
    const saved = await a.submit(`${cra}/notification`, `${cra}/notification`, {
      product: 'Alpenrouter AR-500 firmware 1.0.0 to 2.0.0',
      exploitNature: 'Unauthenticated requests from the LAN',
      vulnerabilityNature: 'OS command injection (CWE-78)',
      measuresTaken: 'Firmware 2.0.1 released',
      userMeasures: 'Update to 2.0.1',
      sensitivity: 'TLP:AMBER until users have updated',
    })
    expect(saved.statusCode).toBe(303)
    expect((await a.get(String(saved.headers.location))).body).toContain('The form is saved.')

    const json = await a.get(`${cra}/notification/export.json`)
    expect(json.statusCode).toBe(200)
    expect(json.headers['content-disposition']).toContain('attachment')
    const exported = json.json() as {
      article: string
      manufacturer: Record<string, string>
      coordinatingCsirt: string
      dueAt: string
      fields: { key: string; answer: string }[]
      submission: string
    }
    expect(exported.article).toBe('Art. 14(2)(b)')
    expect(exported.manufacturer).toEqual({ name: 'Alpenrouter', mainEstablishment: 'AT' })
    expect(exported.coordinatingCsirt).toBe('CERT.at')
    expect(exported.dueAt).toBe('2026-12-07T16:00:00.000Z')
    expect(exported.fields.map((f) => f.key)).toEqual([
      'product',
      'exploitNature',
      'vulnerabilityNature',
      'measuresTaken',
      'userMeasures',
      'sensitivity',
    ])
    expect(exported.fields.find((f) => f.key === 'sensitivity')?.answer).toBe('TLP:AMBER until users have updated')
    expect(exported.submission).toContain("does not send anything to ENISA's single reporting platform")
    const early = await a.get(`${cra}/early-warning/export.json`)
    expect((early.json() as { fields: { key: string }[] }).fields.map((f) => f.key)).toEqual(['memberStates'])
    const final = (await a.get(`${cra}/final-report/export.json`)).json() as { fields: { key: string; answer: string }[] }
    expect(final.fields.map((f) => f.key)).toEqual(['description', 'severity', 'impact', 'maliciousActor', 'securityUpdate'])
    expect(final.fields.find((f) => f.key === 'severity')?.answer).toBe('critical')
    const printed = await a.get(`${cra}/notification/print`)
    expect(printed.body).toContain('Regulation (EU) 2024/2847, Art. 14(2)(b)')
    expect(printed.body).toContain('TLP:AMBER until users have updated')
    for (const body of [json.body, early.body, printed.body]) {
      expect(body).not.toContain('CANARY-EVIDENCE')
      expect(body).not.toContain('CANARY-NOTE')
      expect(body).not.toContain('finder@example.net')
    }

    // Filed in time: recorded with its reference, shown filed; the final report cannot be filed before its clock starts.
    at(t, '2026-12-05T09:00:00.000Z')
    a = await as(alice)
    const filed = await a.submit(`${cra}/early-warning`, `${cra}/early-warning/filed`, {
      filedAt: '2026-12-05T09:30',
      reference: 'ENISA-EW-7',
    })
    expect(filed.statusCode).toBe(303)
    expect((await a.get(String(filed.headers.location))).body).toContain('The filing is recorded.')
    expect((await a.get(cra)).body).toContain('data-cra-stage="early-warning" data-state="filed"')
    expect(
      (await a.submit(`${cra}/early-warning`, `${cra}/early-warning/filed`, { filedAt: '2026-12-05T09:30', reference: 'again' }))
        .statusCode,
    ).toBe(409)
    // What was filed stays as filed.
    expect((await a.submit(`${cra}/early-warning`, `${cra}/early-warning`, { memberStates: 'changed later' })).statusCode).toBe(409)
    expect(
      (await a.submit(`${cra}/final-report`, `${cra}/final-report/filed`, { filedAt: '2026-12-05T09:30', reference: 'X' })).statusCode,
    ).toBe(409)

    const overview = await a.get(`/w/${org.slug}/cra`)
    expect(overview.body).toContain(`data-cra-case="${ref}"`)
    expect(overview.body).toContain('Filed Sat, 5 Dec 2026, 09:30 CET (Europe/Vienna) · ENISA-EW-7')
    const types = (await eventsOf(t, org, ref)).map((e) => e.type)
    expect(types).toEqual(expect.arrayContaining(['cra.stage_saved', 'cra.stage_exported', 'cra.stage_filed']))

    // The notice to users is drafted from the advisory; the CSAF link follows once it is published.
    const notice = await a.get(`${cra}/notice`)
    expect(notice.body).toContain('Security notice: Command injection in the Alpenrouter web interface')
    expect(notice.body).toContain('The CSAF document exists once the advisory is published.')
  })

  it('drafts the notice to users from the published advisory, with its CSAF document as the machine-readable form', async () => {
    const t = app()
    at(t, '2026-12-01T08:00:00.000Z')
    const org = await orgWithPolicy(t, alpenrouterPolicy)
    const alice = await t.given.member(org, 'responder', 'Alice Notice')
    const { ref, page } = await fixedReport(t, org, alice, { program: 'firmware', programFields: { model: 'AR-500' } })
    const ownId = await draftFor(t, org, ref, alice, 'Command injection in the Alpenrouter web interface')
    expect((await editAdvisory(t.deps, org, ownId, routerAdvisory(), viewerOf(alice))).ok).toBe(true)
    expect((await publishAdvisory(t.deps, org, ownId, viewerOf(alice))).ok).toBe(true)
    const a = t.browser()
    await a.signIn(alice)
    expect(
      (await a.submit(`${page}/cra`, `${page}/cra`, { kind: 'vulnerability', awareAt: '2026-12-01T08:30', evidence: 'Exploited.' }))
        .statusCode,
    ).toBe(303)
    const notice = await a.get(`${page}/cra/notice`)
    expect(notice.body).toContain('Security notice: Command injection in the Alpenrouter web interface')
    expect(notice.body).toContain('Alpenrouter AR-500 (fixed in 2.0.1)')
    expect(notice.body).toContain('Switch off the web interface on the LAN side.')
    const csaf = /href="(https?:[^"]+\.well-known\/csaf\/white\/2026\/[^"]+\.json)"/.exec(notice.body)?.[1]
    expect(csaf).toBeDefined()
    const served = await t.app.inject({ method: 'GET', url: new URL(String(csaf)).pathname })
    expect(served.statusCode).toBe(200)
    expect((served.json() as { document: { tracking: { id: string } } }).document.tracking.id).toBe(ownId)
  })

  it('refuses to mark a report of an organization that is no manufacturer, and hides the case from a member who may not read the report', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug))
    const alice = await t.given.member(org, 'responder', 'Alice Other')
    const { page } = await reportViaApi(t, org)
    const a = t.browser()
    await a.signIn(alice)
    expect((await a.get(`${page}/cra`)).body).toContain('does not say the organization is a manufacturer')
    const refused = await a.submit(`${page}/cra`, `${page}/cra`, { kind: 'vulnerability', awareAt: '2026-11-20T09:00', evidence: 'x' })
    expect(refused.statusCode).toBe(409)
    expect((await a.get(`/w/${org.slug}/cra`)).body).toContain('No report is marked under the Cyber Resilience Act.')

    // Need to know: under `sharedWith: assigned-team` a responder who does not hold the report can neither read nor mark it.
    const shared = await orgWithPolicy(t, (slug) => `${alpenrouterPolicy(slug)}confidentiality:\n  sharedWith: assigned-team\n`)
    const bea = await t.given.member(shared, 'responder', 'Bea Shared')
    const held = await reportViaApi(t, shared)
    const b = t.browser()
    await b.signIn(bea)
    const hidden = await b.get(`${held.page}/cra`)
    expect(hidden.statusCode).toBe(200)
    expect(hidden.body).not.toContain('Mark and start the clocks')
    const refusedToRead = await b.submit(`${held.page}/cra`, `${held.page}/cra`, {
      kind: 'vulnerability',
      awareAt: '2026-11-20T09:00',
      evidence: 'x',
    })
    expect(refusedToRead.statusCode).toBe(403)
    expect(refusedToRead.body).toContain('shares reports with the assigned team only')
  })
})
