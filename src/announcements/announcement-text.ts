/**
 * What an announcement says, in each channel's shape, from `AnnouncementFacts` (the advisory's
 * public record) and nothing else: the subject and text of a mail or chat message, and the JSON
 * body of a signed webhook.
 */
import type { AnnouncementFacts } from '../domain/advisory/announcement.js'
import { cvss31, cvss40 } from '../domain/advisory/exports/cvss.js'
import type { Translator } from '../i18n/messages.js'

export function severityText(severity: AnnouncementFacts['severity']): string {
  const parts: string[] = []
  const v4 = cvss40(severity.cvss40)
  if (v4) parts.push(`${v4.baseScore.toFixed(1)} ${v4.baseSeverity} (CVSS 4.0, ${v4.vectorString})`)
  const v3 = cvss31(severity.cvss31)
  if (v3) parts.push(`${v3.baseScore.toFixed(1)} ${v3.baseSeverity} (CVSS 3.1, ${v3.vectorString})`)
  if (parts.length === 0 && severity.qualitative) parts.push(severity.qualitative)
  return parts.join('; ')
}

export const announcementSubject = (t: Translator, f: AnnouncementFacts) => t('announcement.subject', { title: f.title })

/** Plain text, one fact a paragraph: for a mailing list, Slack and Matrix alike. */
export function announcementText(t: Translator, f: AnnouncementFacts, orgName: string): string {
  const ids = [f.id, f.cve, f.gcve].filter((x): x is string => Boolean(x)).join(', ')
  const severity = severityText(f.severity)
  return [
    f.title,
    t('announcement.ids', { ids }),
    ...(severity ? [t('announcement.severity', { severity })] : []),
    f.summary,
    ...(f.mitigations ? [`${t('announcement.mitigations')}\n${f.mitigations}`] : []),
    t('announcement.readMore', { url: f.url }),
    // For the world: the ISO date, as the public advisory pages and feeds give it.
    t('announcement.from', { org: orgName, date: f.publishedAt.slice(0, 10) }),
  ].join('\n\n')
}

/** The signed webhook's body: Standard Webhooks' `type`, `timestamp` and `data`. */
export function webhookBody(f: AnnouncementFacts, org: { name: string; slug: string }, text: string): string {
  return JSON.stringify({
    type: 'advisory.published',
    timestamp: f.publishedAt,
    data: { organization: { name: org.name, slug: org.slug }, advisory: f, text },
  })
}
