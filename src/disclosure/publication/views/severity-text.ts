/** A severity as people read it: the CVSS scores with their vectors, or the qualitative level alone. */
import type { AdvisorySeverity } from '../../../domain/advisory/advisory.js'
import { cvss31, cvss40 } from '../../../domain/advisory/exports/cvss.js'
import type { Translator } from '../../../i18n/messages.js'

const level = (t: Translator, severity: string) => {
  const key = `publication.severity.${severity.toLowerCase()}` as const
  return key === 'publication.severity.low' ||
    key === 'publication.severity.medium' ||
    key === 'publication.severity.high' ||
    key === 'publication.severity.critical'
    ? t(key)
    : severity
}

export interface SeverityLine {
  text: string
  vector?: string
}

export function severityLines(t: Translator, severity: AdvisorySeverity): SeverityLine[] {
  const lines: SeverityLine[] = []
  const v4 = cvss40(severity.cvss40)
  if (v4) lines.push({ text: `${v4.baseScore.toFixed(1)} ${level(t, v4.baseSeverity)} (CVSS 4.0)`, vector: v4.vectorString })
  const v3 = cvss31(severity.cvss31)
  if (v3) lines.push({ text: `${v3.baseScore.toFixed(1)} ${level(t, v3.baseSeverity)} (CVSS 3.1)`, vector: v3.vectorString })
  if (!lines.length && severity.qualitative) lines.push({ text: level(t, severity.qualitative) })
  return lines
}

/** The one-word summary the list shows: the highest CVSS level, or the qualitative one. */
export function severityWord(t: Translator, severity: AdvisorySeverity): string {
  const v = cvss40(severity.cvss40) ?? cvss31(severity.cvss31)
  if (v) return `${level(t, v.baseSeverity)} (${v.baseScore.toFixed(1)})`
  return severity.qualitative ? level(t, severity.qualitative) : t('publication.severity.none')
}
