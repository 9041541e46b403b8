import { modifier } from './class-names.js'

/** Statuses with their own colour. Any other status string still renders, in the neutral tone. */
export const badgeStatuses = [
  'new',
  'acknowledged',
  'triaged',
  'accepted',
  'rejected',
  'duplicate',
  'fixing',
  'fixed',
  'disclosed',
  'closed',
] as const

/** Statuses after which nothing more is expected: shown muted, with a hollow marker. */
const terminal = new Set(['rejected', 'duplicate', 'closed'])

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
