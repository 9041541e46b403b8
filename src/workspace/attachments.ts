/**
 * What a reporter sent besides text: the attachments of their mails (and the original HTML of an
 * HTML-only mail, stored as `message.html`), and each raw mail as it arrived (.eml). The team's
 * report page lists them; each download is served as an opaque file, never rendered, and is
 * written to the report's timeline (who downloaded what) in the same write that allows it.
 */
import { cipherFor, type Deps } from '../deps.js'
import { mayReadReportText } from '../domain/access/need-to-know.js'
import { listAttachments, listReportMails } from '../storage/repositories/mail-repository.js'
import { findReportStateByRef } from '../storage/repositories/report-repository.js'
import type { OrganizationRow, Role } from '../storage/schema.js'

export type FileKind = 'attachment' | 'mail'

/** One downloadable file as the report page lists it. */
export interface ReportFile {
  kind: FileKind
  id: string
  name: string
  size: number
  /** Recognized from the bytes (`file-type`); null when nothing was recognized. */
  type: string | null
  sha256: string
  href: string
}

export interface Viewer {
  userId: string
  role: Role
}

/**
 * Need to know, for files: the domain's `mayReadReportText`, the same rule the report page asks
 * (the policy's `confidentiality.sharedWith: assigned-team`). The list and every download go
 * through here; nothing of the report is decrypted to answer it.
 */
export async function readableReport(
  deps: Deps,
  orgId: string,
  ref: string,
  viewer: Viewer,
): Promise<{ id: string; ref: string } | 'withheld' | undefined> {
  const state = await findReportStateByRef(deps.db, orgId, ref)
  if (!state) return undefined
  return mayReadReportText(viewer, { assigneeId: state.assigneeId }, state.sharedWith) ? state : 'withheld'
}

/** The raw mail's file name: when it arrived, in a form every file system accepts. */
export const mailName = (receivedAt: string) => `mail-${receivedAt.replace(/\.\d+Z$/, 'Z').replaceAll(':', '')}.eml`

/** The files of one report of one organization: attachments, then the raw mails. Empty when withheld (or unknown). */
export async function listReportFiles(deps: Deps, org: OrganizationRow, ref: string, viewer: Viewer): Promise<ReportFile[]> {
  const cipher = cipherFor(deps, org)
  const report = await readableReport(deps, org.id, ref, viewer)
  if (report === undefined || report === 'withheld') return []
  const base = `/w/${org.slug}/reports/${report.ref}`
  const [attachments, mails] = await Promise.all([
    listAttachments(deps.db, cipher, org.id, report.id),
    listReportMails(deps.db, org.id, report.id),
  ])
  return [
    ...attachments.map((a) => ({
      kind: 'attachment' as const,
      id: a.id,
      name: a.name,
      size: a.size,
      type: a.sniffedType,
      sha256: a.sha256,
      href: `${base}/attachments/${a.id}`,
    })),
    ...mails.map((m) => ({
      kind: 'mail' as const,
      id: m.id,
      name: mailName(m.received_at),
      size: Number(m.size),
      // The bytes the SMTP listener or IMAP poller received are, by definition, one RFC 5322 message.
      type: 'message/rfc822',
      sha256: m.raw_sha256,
      href: `${base}/mails/${m.id}`,
    })),
  ]
}

/**
 * `Content-Disposition: attachment` with a file name every browser saves as given (RFC 6266):
 * an ASCII fallback in `filename`, the exact name in `filename*` (RFC 8187, UTF-8, percent-encoded).
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'download'
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
