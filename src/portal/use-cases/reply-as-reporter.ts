import type { Deps } from '../../deps.js'
import type { ReportError } from '../../domain/report/errors.js'
import { reply } from '../../domain/report/workflow.js'
import { fail, ok, type Result } from '../../domain/result.js'
import type { UploadedFile } from '../../http/multipart-form.js'
import { type FileRefusal, prepareFiles } from '../../http/uploaded-files.js'
import { toDomain } from '../../storage/report-state.js'
import { insertAttachments } from '../../storage/repositories/mail-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { openReport, type ReporterAccess } from '../follow-up.js'
import { writeReporterReply } from '../write-reporter-reply.js'

/** The longest reply the follow-up page takes (UTF-16 units, as the form has always counted). */
export const replyMaxLength = 50_000

export type ReplyAsReporterError =
  | ReportError
  | { code: 'NOT_FOUND' }
  | { code: 'REPORT_MESSAGE_TOO_LONG' }
  | ({ code: 'FILE_REFUSED' } & FileRefusal)

/**
 * The reporter answers on the thread; the team sees it at once, and it is recorded on the timeline.
 * Files sent with it are stored with the message, as a mail reply's attachments are (sealed,
 * pictures without metadata: src/http/uploaded-files.ts); like a mail reply, the follow-up page
 * takes files whatever the report's program, since the conversation has already begun.
 */
export async function replyAsReporter(
  deps: Deps,
  access: ReporterAccess,
  body: string,
  uploads: readonly UploadedFile[] = [],
): Promise<Result<{ files: number }, ReplyAsReporterError>> {
  if (body.length > replyMaxLength) return fail({ code: 'REPORT_MESSAGE_TOO_LONG' })
  const opened = await openReport(deps, access)
  if (!opened) return fail({ code: 'NOT_FOUND' })
  const { org, report } = opened
  const prepared = await prepareFiles(uploads)
  if (!prepared.ok) return fail({ code: 'FILE_REFUSED', ...prepared.refusal })
  return runUnit(deps, org, async (u) => {
    const t = reply(toDomain(report, false), { actor: { kind: 'reporter' }, at: u.at, body, visibility: 'reporter' })
    if (!t.ok) return fail(t.error)
    const messageId = await writeReporterReply(u, report, t.value, body)
    await insertAttachments(
      u.tx,
      u.cipher,
      org.id,
      prepared.files.map((f) => ({ reportId: report.id, messageId, contentType: f.declaredType, ...f })),
      u.at,
    )
    return ok({ files: prepared.files.length })
  })
}
