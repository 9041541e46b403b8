/** Shared steps of the seed-policy scenarios: an organization running a preset, reports through the API, mail in the outbox. */
import { expect } from 'vitest'
import { runClockSweep } from '../../../src/clocks/clock-sweep.js'
import { cipherFor } from '../../../src/deps.js'
import { intakePrograms } from '../../../src/domain/policy/programs.js'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import { currentPolicy } from '../../../src/storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import type { TestApp } from '../../support/app.js'

export async function orgWithPreset(t: TestApp, preset: string): Promise<OrganizationRow> {
  const org = await t.given.org()
  const file = readPreset(preset)
  if (!file) throw new Error(`no preset ${preset}`)
  const imported = await importPolicy(t.deps, org, file.source, file.fileName, null)
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return org
}

/** The policy's first program with an answer to each of its questions, as a reporter fills them in (none when it lists no programs). */
export async function aboutFirstProgram(t: TestApp, org: OrganizationRow): Promise<Record<string, unknown>> {
  const program = intakePrograms((await currentPolicy(t.deps.db, org.id))?.policy)[0]
  if (!program) return {}
  const answer = (type: string) =>
    type === 'url' ? 'https://app.example.org/profile' : type === 'version' ? '2.4.1' : 'Firefox 133 on Debian 12'
  return { program: program.slug, programFields: Object.fromEntries(program.fields.map((f) => [f.key, answer(f.type)])) }
}

/** The same, as the web form's fields (`program`, `field.<key>`). */
export async function formAboutFirstProgram(t: TestApp, org: OrganizationRow): Promise<Record<string, string>> {
  const about = await aboutFirstProgram(t, org)
  const answers = (about.programFields ?? {}) as Record<string, string>
  return {
    ...(typeof about.program === 'string' ? { program: about.program } : {}),
    ...Object.fromEntries(Object.entries(answers).map(([k, v]) => [`field.${k}`, v])),
  }
}

/** A reporter sends a report through the JSON API; returns its reference and a browser holding the follow-up link. */
export async function reportViaApi(t: TestApp, org: OrganizationRow, input: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/reports`,
    payload: {
      title: 'Stored XSS in the profile page',
      description: 'The bio field is not escaped.',
      reporterEmail: 'finder@example.net',
      ...(await aboutFirstProgram(t, org)),
      ...input,
    },
  })
  expect(res.statusCode).toBe(201)
  const { ref, followUpUrl } = res.json() as { ref: string; followUpUrl: string }
  const reporter = t.browser()
  await reporter.get(new URL(followUpUrl).pathname)
  return { ref, reporter, page: `/w/${org.slug}/reports/${ref}` }
}

export async function reportRow(t: TestApp, org: OrganizationRow, ref: string) {
  return t.deps.db.selectFrom('report').selectAll().where('org_id', '=', org.id).where('ref', '=', ref).executeTakeFirstOrThrow()
}

export interface Mail {
  template: string
  to: string
  [key: string]: unknown
}

/** The organization's outbox mail for one report, decrypted, oldest first. */
export async function mailsFor(t: TestApp, org: OrganizationRow, ref: string): Promise<Mail[]> {
  const rows = await t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).orderBy('created_at').orderBy('id').execute()
  const cipher = cipherFor(t.deps, org)
  return rows.map((r) => JSON.parse(cipher.decrypt(r.payload_enc, `outbox.payload|${r.id}`)) as Mail).filter((m) => m.ref === ref)
}

export async function eventsOf(t: TestApp, org: OrganizationRow, ref: string) {
  const report = await reportRow(t, org, ref)
  const rows = await t.deps.db
    .selectFrom('event')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('report_id', '=', report.id)
    .orderBy('seq')
    .execute()
  return rows.map((e) => ({ type: e.type, at: e.at, data: JSON.parse(e.data) as Record<string, unknown> }))
}

/** Moves the test clock to an instant and runs the clock scheduler there, as `embargo serve` would. */
export async function sweepAt(t: TestApp, iso: string) {
  t.clock.current = new Date(iso)
  return runClockSweep(t.deps, t.clock.now())
}

export const at = (t: TestApp, iso: string) => {
  t.clock.current = new Date(iso)
}

/** An organization running the given policy text (YAML), imported as an administrator would. */
export async function orgWithPolicy(t: TestApp, source: (slug: string) => string): Promise<OrganizationRow> {
  const org = await t.given.org()
  const imported = await importPolicy(t.deps, org, source(org.slug), 'policy.yaml', null)
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return org
}

/** A policy that validates, with `extra` YAML appended (top-level keys, or replacing channels/programs/process). */
export const basePolicy = (slug: string, extra = '', channels = 'channels:\n  webForm:\n    enabled: true\n') => `version: 1
organization:
  name: Test Org
  slug: ${slug}
${channels}calendar:
  timeZone: Europe/Vienna
  workingDays: [mon, tue, wed, thu, fri]
clocks:
  acknowledge: 3 business days
  reporterUpdate: 5 days
  resolution: 90 days
${extra}`
