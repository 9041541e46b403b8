/**
 * Severity as the policy says (policy key `severity.scoring`): CVSS 4.0, CVSS 3.1, both, or only
 * the organization's qualitative levels. Under `qualitative` no number and no vector ever leaves
 * Embargo: `publicSeverity` is the one filter pages and exports apply, and `severityLabel` what
 * they show.
 */
import type { AdvisorySeverity, QualitativeSeverity } from '../advisory/advisory.js'
import type { Policy } from '../policy/schema.js'
import type { CvssVersion } from './cvss-metrics.js'
import { type CvssRating, scoreCvss31, scoreCvss40 } from './cvss-score.js'

export type SeverityScoring = NonNullable<Policy['severity']>['scoring']

/** A policy without a `severity` key scores both CVSS versions, as GitHub advisories do. */
export const defaultScoring: SeverityScoring = 'both'

export const scoringOf = (policy: Pick<Policy, 'severity'>): SeverityScoring => policy.severity?.scoring ?? defaultScoring

/** The CVSS versions a scoring offers, the preferred first. */
export function scoredVersions(scoring: SeverityScoring): CvssVersion[] {
  switch (scoring) {
    case 'cvss4':
      return ['4.0']
    case 'cvss3.1':
      return ['3.1']
    case 'both':
      return ['4.0', '3.1']
    case 'qualitative':
      return []
  }
}

/** The organization's definition of each level (policy `severity.levels`), where it gives one. */
export const levelDefinitions = (policy: Pick<Policy, 'severity'>): Partial<Record<QualitativeSeverity, string>> =>
  Object.fromEntries((policy.severity?.levels ?? []).map((l) => [l.level, l.definition]))

export interface ShownScore {
  version: CvssVersion
  /** The vector in the specification's order. */
  vector: string
  /** CVSS 3.1: the base score; CVSS 4.0: the score of the whole vector. */
  score: number
  rating: CvssRating
}

export interface SeverityLabel {
  /** The level to show: the preferred score's rating when there is one, else the level chosen by hand. */
  level: CvssRating | undefined
  /** The scores to show, preferred first; always empty under qualitative scoring. */
  scores: ShownScore[]
  /** One line for plain-text places (mail, feeds, exports' summaries): "High (CVSS 4.0 8.7)". */
  text: string
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

function shownScore(version: CvssVersion, vector: string | undefined): ShownScore | undefined {
  if (!vector) return undefined
  if (version === '4.0') {
    const s = scoreCvss40(vector)
    return s.ok ? { version, vector: s.value.vector, score: s.value.score, rating: s.value.rating } : undefined
  }
  const s = scoreCvss31(vector)
  return s.ok ? { version, vector: s.value.vector, score: s.value.baseScore, rating: s.value.rating } : undefined
}

/**
 * The severity as the scoring allows it to be published: the vectors of the versions the scoring
 * offers (valid ones only, in canonical order), and the level. Under `qualitative`, only the level.
 */
export function publicSeverity(severity: AdvisorySeverity, scoring: SeverityScoring): AdvisorySeverity {
  const versions = scoredVersions(scoring)
  const out: AdvisorySeverity = {}
  const v40 = versions.includes('4.0') ? shownScore('4.0', severity.cvss40) : undefined
  const v31 = versions.includes('3.1') ? shownScore('3.1', severity.cvss31) : undefined
  if (v40) out.cvss40 = v40.vector
  if (v31) out.cvss31 = v31.vector
  const rating = (v40 ?? v31)?.rating
  const level = rating === undefined ? severity.qualitative : rating === 'none' ? undefined : rating
  if (level) out.qualitative = level
  return out
}

/** What pages and exports may show of a severity under the policy's scoring (never a number under qualitative). */
export function severityLabel(severity: AdvisorySeverity, scoring: SeverityScoring): SeverityLabel {
  const versions = scoredVersions(scoring)
  const scores = versions.map((v) => shownScore(v, v === '4.0' ? severity.cvss40 : severity.cvss31)).filter((s): s is ShownScore => !!s)
  const level: CvssRating | undefined = scores[0]?.rating ?? severity.qualitative
  const numbers = scores.map((s) => `CVSS ${s.version} ${s.score.toFixed(1)}`).join(', ')
  const text = [level ? capitalized(level) : '', numbers ? `(${numbers})` : ''].filter(Boolean).join(' ')
  return { level, scores, text }
}

/**
 * The level a report or advisory gets from its vectors (the preferred version's rating), for the
 * per-severity clocks; a score of 0.0 ("none") sets no level.
 */
export function levelFromVectors(severity: AdvisorySeverity, scoring: SeverityScoring): QualitativeSeverity | undefined {
  const label = severityLabel({ ...severity, qualitative: undefined }, scoring)
  const rating = label.scores[0]?.rating
  return rating && rating !== 'none' ? rating : undefined
}
