/**
 * The CSAF 2.0 provider layout (section 7.1) of one organization, as pure text and JSON:
 * provider-metadata.json (7.1.7), index.txt (7.1.13), changes.csv (7.1.14) and the ROLIE feed
 * (7.1.16) of the TLP:WHITE distribution. Documents sit at white/<year>/<id>.json with .sha256,
 * .sha512 and, when the organization has a key, an OpenPGP .asc signature beside them.
 */
import type { PublishedAdvisory, Publisher } from '../advisory.js'
import { lastChange, newestFirst } from './atom-feed.js'
import { csafBaseUrl, csafDocumentUrl, csafFileName, csafYear } from './urls.js'

export const rolieFeedName = 'csaf-feed-tlp-white.json'
export const providerMetadataUrl = (p: Publisher) => `${csafBaseUrl(p)}/provider-metadata.json`
export const whiteUrl = (p: Publisher) => `${csafBaseUrl(p)}/white`

/** The document's path inside the white distribution, e.g. "2026/oklant-2026-0003.json". */
export const csafPath = (a: PublishedAdvisory) => `${csafYear(a)}/${csafFileName(a.identifiers.own)}`

export interface SigningKeyInfo {
  fingerprint: string
  url: string
}

export function providerMetadata(
  publisher: Publisher,
  advisories: readonly PublishedAdvisory[],
  key: SigningKeyInfo | null,
  csafPublisher: Record<string, unknown>,
): Record<string, unknown> {
  const newest = newestFirst(advisories)[0]
  return {
    canonical_url: providerMetadataUrl(publisher),
    distributions: [
      {
        directory_url: whiteUrl(publisher),
        rolie: { feeds: [{ summary: 'TLP:WHITE advisories', tlp_label: 'WHITE', url: `${whiteUrl(publisher)}/${rolieFeedName}` }] },
      },
    ],
    last_updated: newest ? lastChange(newest) : '1970-01-01T00:00:00.000Z',
    list_on_CSAF_aggregators: true,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: true,
    ...(key ? { public_openpgp_keys: [{ fingerprint: key.fingerprint, url: key.url }] } : {}),
    publisher: csafPublisher,
    // A trusted provider signs every document (7.1.19 … 7.1.21): without a key the organization is a plain provider.
    role: key ? 'csaf_trusted_provider' : 'csaf_provider',
  }
}

export function indexTxt(advisories: readonly PublishedAdvisory[]): string {
  return advisories.map((a) => `${csafPath(a)}\n`).join('')
}

/** changes.csv: "path","time of the last change", newest first (7.1.14). */
export function changesCsv(advisories: readonly PublishedAdvisory[]): string {
  return newestFirst(advisories)
    .map((a) => `"${csafPath(a)}","${lastChange(a)}"\n`)
    .join('')
}

export function rolieFeed(publisher: Publisher, advisories: readonly PublishedAdvisory[], signed: boolean): Record<string, unknown> {
  const list = newestFirst(advisories)
  return {
    feed: {
      id: `${publisher.slug}-csaf-feed-tlp-white`,
      title: `${publisher.name} CSAF feed (TLP:WHITE)`,
      link: [{ rel: 'self', href: `${whiteUrl(publisher)}/${rolieFeedName}` }],
      category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }],
      updated: list[0] ? lastChange(list[0]) : '1970-01-01T00:00:00.000Z',
      entry: list.map((a) => {
        const url = csafDocumentUrl(publisher, a)
        return {
          id: a.identifiers.own,
          title: a.title,
          link: [
            { rel: 'self', href: url },
            { rel: 'hash', href: `${url}.sha256` },
            { rel: 'hash', href: `${url}.sha512` },
            ...(signed ? [{ rel: 'signature', href: `${url}.asc` }] : []),
          ],
          published: a.publishedAt,
          updated: lastChange(a),
          summary: { content: a.summary || a.title },
          content: { type: 'application/json', src: url },
          format: { schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json', version: '2.0' },
        }
      }),
    },
  }
}
