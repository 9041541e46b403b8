/** The public addresses of a published advisory, as every export and the pages name them. */
import type { PublishedAdvisory, Publisher } from '../advisory.js'

const base = (p: Publisher) => `${p.baseUrl.replace(/\/+$/, '')}/o/${encodeURIComponent(p.slug)}`

export const advisoriesUrl = (p: Publisher) => `${base(p)}/advisories`
export const advisoryUrl = (p: Publisher, a: Pick<PublishedAdvisory, 'identifiers'>) =>
  `${advisoriesUrl(p)}/${encodeURIComponent(a.identifiers.own)}`
export const csafBaseUrl = (p: Publisher) => `${base(p)}/.well-known/csaf`
/** CSAF 2.0 §5.1 file name: the tracking id lowercased, every other character than [+\-a-z0-9] as "_". */
export const csafFileName = (trackingId: string) => `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`
export const csafYear = (a: Pick<PublishedAdvisory, 'publishedAt'>) => a.publishedAt.slice(0, 4)
export const csafDocumentUrl = (p: Publisher, a: Pick<PublishedAdvisory, 'identifiers' | 'publishedAt'>) =>
  `${csafBaseUrl(p)}/white/${csafYear(a)}/${csafFileName(a.identifiers.own)}`
