/** Shared steps of the tests of a report's public version: an organization whose policy publishes every report, a decided report. */
import { expect } from 'vitest'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { changeReportStatus } from '../../../src/workspace/use-cases/change-report-status.js'
import { asMember, type TestApp, type TestMember } from '../../support/app.js'
import { reportViaApi } from '../policy/policy-support.js'

/** Alkemio's policy with `publishAllReports: true`, the objection period given, and advisories reviewed when asked. */
export async function orgPublishingReports(t: TestApp, o: { objection?: string; review?: 'required' | 'optional' } = {}) {
  const org = await t.given.org()
  const file = readPreset('alkemio')
  if (!file) throw new Error('no preset alkemio')
  const disclosure = `disclosure:\n  publishAllReports: true\n${o.objection ? `  reporterObjection: ${o.objection}\n` : ''}`
  const source = `${file.source.replace(/^disclosure:\n/m, disclosure).trimEnd()}\n${o.review ? `advisories:\n  review: ${o.review}\n` : ''}`
  const imported = await importPolicy(t.deps, org, source, file.fileName, null)
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return org
}

/** The original report's words: none of them may ever reach a public page. */
export const original = {
  title: 'ORIGINAL-TITLE admin panel at /internal-admin-7731 accepts default password',
  description: 'ORIGINAL-TEXT log in at https://internal.example/admin with admin:hunter2, then dump the user table.',
  reporterName: 'ORIGINAL-NAME Ada Finder',
  reason: 'ORIGINAL-REASON the panel is only reachable from our office network 10.1.2.0/24',
}

/** A report from a reporter with an address (and a browser on their follow-up page), rejected by `by` with the original reason. */
export async function rejectedReport(t: TestApp, org: OrganizationRow, by: TestMember) {
  const sent = await reportViaApi(t, org, { title: original.title, description: original.description, reporterName: original.reporterName })
  const member = asMember(by)
  for (const to of ['acknowledged', 'rejected'] as const) {
    const moved = await changeReportStatus(t.deps, org, sent.ref, { to, member, reason: to === 'rejected' ? original.reason : undefined })
    expect(moved.ok, `to ${to}`).toBe(true)
  }
  return sent
}

/** Every canary of the original report, for "appears nowhere" assertions. */
export const originalCanaries = ['ORIGINAL-TITLE', 'ORIGINAL-TEXT', 'ORIGINAL-NAME', 'ORIGINAL-REASON', 'hunter2', 'internal-admin-7731']
