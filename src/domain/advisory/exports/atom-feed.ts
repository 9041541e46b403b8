/**
 * The organization's advisories as an Atom feed (RFC 4287): one entry per published or withdrawn
 * advisory, newest change first, each linking its page, its OSV and CVE JSON and its CSAF document.
 * Every text is XML-escaped; nothing but the published record is read.
 */
import type { PublishedAdvisory, Publisher } from '../advisory.js'
import { advisoriesUrl, advisoryUrl, csafDocumentUrl } from './urls.js'

const xml = (s: string) =>
  s
    // Characters XML 1.0 cannot carry at all are dropped, not escaped.
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

/** When the advisory last changed, as the feed and the CSAF index order them. */
export const lastChange = (a: PublishedAdvisory): string => a.withdrawnAt ?? ([a.publishedAt, a.updatedAt].sort()[1] as string)

export const newestFirst = (list: readonly PublishedAdvisory[]) => [...list].sort((a, b) => lastChange(b).localeCompare(lastChange(a)))

export function atomFeed(
  publisher: Publisher,
  advisories: readonly PublishedAdvisory[],
  labels: { title: string; withdrawn: string },
): string {
  const list = newestFirst(advisories)
  const updated = list[0] ? lastChange(list[0]) : '1970-01-01T00:00:00.000Z'
  const self = `${advisoriesUrl(publisher)}.atom`
  const entries = list.map((a) => {
    const url = advisoryUrl(publisher, a)
    const title = a.state === 'withdrawn' ? `[${labels.withdrawn}] ${a.title}` : a.title
    const ids = [a.identifiers.own, a.identifiers.cve, a.identifiers.gcve].filter(Boolean).join(', ')
    return [
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <link rel="alternate" type="application/json" title="OSV" href="${xml(`${url}.osv.json`)}"/>`,
      `    <link rel="alternate" type="application/json" title="CVE JSON 5" href="${xml(`${url}.cve.json`)}"/>`,
      `    <link rel="alternate" type="application/json" title="CSAF" href="${xml(csafDocumentUrl(publisher, a))}"/>`,
      `    <published>${xml(a.publishedAt)}</published>`,
      `    <updated>${xml(lastChange(a))}</updated>`,
      `    <summary type="text">${xml(`${ids}: ${a.summary}`)}</summary>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(advisoriesUrl(publisher))}</id>`,
    `  <title>${xml(labels.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(advisoriesUrl(publisher))}"/>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <author><name>${xml(publisher.name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
