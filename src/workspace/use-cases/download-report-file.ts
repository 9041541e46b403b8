import { cipherFor, type Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findAttachment, findReportMail } from '../../storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { type FileKind, mailName, readableReport, type Viewer } from '../attachments.js'

/**
 * One file of one report of one organization, for a viewer allowed to read the report. Anything
 * else (another organization's file, another report's, a withheld one, an unknown id) is
 * NOT_FOUND. The download is recorded on the report's timeline before a byte is sent.
 */
export async function downloadReportFile(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  kind: FileKind,
  id: string,
  viewer: Viewer,
): Promise<Result<{ name: string; content: Buffer }, { code: 'NOT_FOUND' }>> {
  const cipher = cipherFor(deps, org)
  const report = await readableReport(deps, org.id, ref, viewer)
  if (report === undefined || report === 'withheld') return fail({ code: 'NOT_FOUND' })
  let file: { name: string; content: Buffer; sha256: string } | undefined
  if (kind === 'attachment') {
    const a = await findAttachment(deps.db, cipher, org.id, report.id, id)
    file = a && { name: a.name, content: a.content, sha256: a.sha256 }
  } else {
    const m = await findReportMail(deps.db, cipher, org.id, report.id, id)
    file = m && { name: mailName(m.receivedAt), content: m.raw, sha256: m.sha256 }
  }
  if (!file) return fail({ code: 'NOT_FOUND' })
  const { sha256 } = file
  // The event names the file by id and hash only: names are report text, sealed in their own column.
  await runUnit(deps, org, async (u) =>
    u.record(newEvent('file.downloaded', { kind: 'user', id: viewer.userId }, u.at, report.id, { kind, file: id, sha256 })),
  )
  return ok({ name: file.name, content: file.content })
}
