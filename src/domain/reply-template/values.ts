import { formatCivilDate } from '../calendar/civil-date.js'
import { civilDateAt } from '../calendar/zoned-time.js'
import type { PlaceholderValues } from './placeholders.js'

/** What a report offers a template: its facts, and its clocks as placed by the policy (src/domain/clock). */
export interface ReportFacts {
  reference: string
  /** The name or pseudonym the reporter gave; null when none (or when the member may not read it). */
  reporterName: string | null
  programName: string | null
  organizationName: string
  clocks: ReadonlyArray<{ name: string; dueAt: string }>
  /** The zone dates are given in: the policy calendar's, else UTC. */
  timeZone: string | undefined
}

/**
 * The placeholders' values for one report. Dates are calendar dates (YYYY-MM-DD) in the
 * organization's zone, so "resolution date" is the day the resolution clock falls due there; a
 * policy without a resolution clock gives the disclosure clock's day instead (the date the
 * reporter may disclose is then the promise).
 */
export function placeholderValues(facts: ReportFacts): PlaceholderValues {
  const day = (clock: string) => {
    const found = facts.clocks.find((c) => c.name === clock)
    return found ? formatCivilDate(civilDateAt(Date.parse(found.dueAt), facts.timeZone ?? 'UTC')) : undefined
  }
  const values: PlaceholderValues = {
    reference: facts.reference,
    reporter: facts.reporterName?.trim() || 'reporter',
    program: facts.programName ?? facts.organizationName,
    organization: facts.organizationName,
  }
  const due = {
    'acknowledgment due': day('acknowledge'),
    'detailed response due': day('detailed-response'),
    'resolution date': day('resolution') ?? day('disclosure'),
    'disclosure date': day('disclosure'),
  } as const
  for (const [name, value] of Object.entries(due)) if (value !== undefined) values[name as keyof typeof due] = value
  return values
}
