/** Shared steps of the advisory tests: an organization whose policy says how advisories are reviewed and numbered, a fixed report, an advisory. */
import { expect } from 'vitest'
import { createAdvisory } from '../../../src/disclosure/use-cases/create-advisory.js'
import { readPreset } from '../../../src/policy-admin/presets.js'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { changeReportStatus } from '../../../src/workspace/use-cases/change-report-status.js'
import { asMember, type TestApp, type TestMember } from '../../support/app.js'
import { reportViaApi } from '../policy/policy-support.js'

/** An organization on a preset (Alkemio by default: no steps before publishing) with an `advisories:` section appended. */
export async function orgWithAdvisories(t: TestApp, advisories: string, preset = 'alkemio'): Promise<OrganizationRow> {
  const org = await t.given.org()
  const file = readPreset(preset)
  if (!file) throw new Error(`no preset ${preset}`)
  const source = `${file.source.trimEnd()}\n${advisories ? `advisories:\n${advisories}\n` : ''}`
  const imported = await importPolicy(t.deps, org, source, file.fileName, null)
  if (!imported.ok) throw new Error(JSON.stringify(imported.error))
  return org
}

/** A report from a reporter with an address, walked to `fixed` by a responder. */
export async function fixedReport(t: TestApp, org: OrganizationRow, by: TestMember, input: Record<string, unknown> = {}) {
  const sent = await reportViaApi(t, org, input)
  const member = asMember(by)
  for (const to of ['acknowledged', 'triaged', 'accepted', 'fixing', 'fixed'] as const) {
    const moved = await changeReportStatus(t.deps, org, sent.ref, { to, member })
    expect(moved.ok, `to ${to}`).toBe(true)
  }
  return sent
}

export async function draftFor(t: TestApp, org: OrganizationRow, ref: string, by: TestMember, title = 'Stored XSS in the profile page') {
  const created = await createAdvisory(t.deps, org, ref, title, { userId: by.id, role: by.role })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  return created.value.ownId
}

export const viewerOf = (m: TestMember) => ({ userId: m.id, role: m.role })
