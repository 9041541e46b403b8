/**
 * Need to know: who inside the organization may read a report's secrets, and who may hand a
 * held report over. The one place this rule is written; storage and the workspace ask it.
 *
 * The policy decides through `confidentiality.sharedWith`:
 * - `assigned-team`: only the report's holder (its assignee) and the organization's
 *   administrators read it. Everyone else on the team sees that it exists (reference, status,
 *   clocks, who holds it) and nothing of what was reported.
 * - anything else (`security-team`, `project`, no policy): every member who may read reports.
 *
 * A report is **held** when it has an assignee (`assigneeId !== null`), whatever its status —
 * claimed, assigned, or left assigned on a final report. An unheld report has no holder, so under
 * `assigned-team` nobody but administrators reads it until a responder claims it (or someone
 * assigns it): claiming an unheld report stays open to every responder, that is how work starts.
 * A held report may only be handed over (assigned to someone else or to nobody) by its holder or
 * an administrator; otherwise assigning yourself would be a way around the rule.
 *
 * Secrets here means everything a reporter wrote or that was written about the report: title,
 * fields, messages (replies and internal notes), the reporter's name and address, the rejection
 * reason, and the titles in the queue. Pure: no I/O.
 */

/** The policy's `confidentiality.sharedWith`, as stored (unknown values share like no rule). */
export type SharedWith = 'assigned-team' | 'security-team' | 'project' | undefined

export interface Reader {
  role: 'admin' | 'responder' | 'viewer'
  userId: string
}

export interface HeldBy {
  /** The holder; null when nobody holds the report. */
  assigneeId: string | null
}

/** Whether `reader` may read the report's text and everything else secret about it. */
export function mayReadReportText(reader: Reader, report: HeldBy, sharedWith: SharedWith): boolean {
  if (sharedWith !== 'assigned-team') return true
  if (reader.role === 'admin') return true
  return report.assigneeId !== null && report.assigneeId === reader.userId
}

/**
 * Whether `actor` may assign the report (to anyone, or to nobody). Under
 * `assigned-team`, a held report changes hands only through its holder or an administrator;
 * an unheld report may be claimed or assigned by anyone on the team, as before.
 */
export function mayHandOver(actor: Reader, report: HeldBy, sharedWith: SharedWith): boolean {
  if (sharedWith !== 'assigned-team') return true
  if (report.assigneeId === null) return true
  return mayReadReportText(actor, report, sharedWith)
}

/**
 * Whether `actor` may act on the report: reply, write an internal note, change its status,
 * severity, vectors or labels, record a step, mark it waiting on the reporter. Acting needs
 * knowing: under `assigned-team` only the holder and administrators may, as only they may read
 * it — a bystander must not write blind into a thread they cannot read, nor reject or close a
 * report they were not given. Claiming, releasing and handing over have their own rules (the
 * workflow's and `mayHandOver`).
 */
export function mayActOnReport(actor: Reader, report: HeldBy, sharedWith: SharedWith): boolean {
  return mayReadReportText(actor, report, sharedWith)
}

/** The rule a parsed policy sets (`confidentiality.sharedWith`), tolerant of anything stored. */
export function sharedWithOf(policy: unknown): SharedWith {
  const value = (policy as { confidentiality?: { sharedWith?: unknown } } | null | undefined)?.confidentiality?.sharedWith
  return value === 'assigned-team' || value === 'security-team' || value === 'project' ? value : undefined
}
