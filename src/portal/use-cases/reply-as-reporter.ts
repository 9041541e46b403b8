import type { Deps } from '../../deps.js'
import type { ReportError } from '../../domain/report/errors.js'
import { reply } from '../../domain/report/workflow.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { toDomain } from '../../storage/report-state.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { openReport, type ReporterAccess } from '../follow-up.js'
import { writeReporterReply } from '../write-reporter-reply.js'

/** The longest reply the follow-up page takes (UTF-16 units, as the form has always counted). */
export const replyMaxLength = 50_000

export type ReplyAsReporterError = ReportError | { code: 'NOT_FOUND' } | { code: 'REPORT_MESSAGE_TOO_LONG' }

/** The reporter answers on the thread; the team sees it at once, and it is recorded on the timeline. */
export async function replyAsReporter(deps: Deps, access: ReporterAccess, body: string): Promise<Result<void, ReplyAsReporterError>> {
  if (body.length > replyMaxLength) return fail({ code: 'REPORT_MESSAGE_TOO_LONG' })
  const opened = await openReport(deps, access)
  if (!opened) return fail({ code: 'NOT_FOUND' })
  const { org, report } = opened
  return runUnit(deps, org, async (u) => {
    const t = reply(toDomain(report, false), { actor: { kind: 'reporter' }, at: u.at, body, visibility: 'reporter' })
    if (!t.ok) return fail(t.error)
    await writeReporterReply(u, report, t.value, body)
    return ok(undefined)
  })
}
