import { finalStatuses, reportStatuses } from '../../../domain/report/report.js'
import { modifier } from './class-names.js'

/** Statuses with their own colour: the workflow's. Any other status string still renders, in the neutral tone. */
export const badgeStatuses = reportStatuses

/** Statuses after which nothing more is expected: shown muted, with a hollow marker. */
const terminal = new Set<string>(finalStatuses)

export interface StatusBadgeProps {
  /** Machine status (`fixing`); picks the colour. */
  status: string
  /** Human label (`Fixing`), always shown: status is never colour alone. */
  label: string
}

/** A report status as a coloured pill with its text label and a marker (filled while open, hollow when final). */
export function StatusBadge({ status, label }: StatusBadgeProps) {
  const known = (badgeStatuses as readonly string[]).includes(status)
  const tone = known ? modifier(status) : 'unknown'
  const final = terminal.has(status)
  return (
    <span class={`badge badge--${tone}${final ? ' badge--final' : ''}`}>
      <span class="badge__marker" aria-hidden="true" />
      {label}
    </span>
  )
}
