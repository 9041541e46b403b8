/**
 * Where the public pages read advisories from: injected by the composition root (the advisory
 * repository), so publication depends on no storage of its own. Whatever the source returns, only
 * published and withdrawn advisories are ever served: a draft, an advisory in review or one
 * scheduled for later is never reachable, even if a source hands it over.
 */
import type { Advisory, PublishedAdvisory } from '../../domain/advisory/advisory.js'

export interface PublishedAdvisorySource {
  list(orgId: string): Promise<readonly Advisory[]>
  find(orgId: string, ownId: string): Promise<Advisory | undefined>
}

export const isPublic = (a: Advisory): a is PublishedAdvisory =>
  (a.state === 'published' || a.state === 'withdrawn') && typeof a.publishedAt === 'string' && a.publishedAt !== ''

/** The source narrowed to what the public may see, in one place. */
export function publicAdvisories(source: PublishedAdvisorySource) {
  return {
    list: async (orgId: string): Promise<PublishedAdvisory[]> => (await source.list(orgId)).filter(isPublic),
    find: async (orgId: string, ownId: string): Promise<PublishedAdvisory | undefined> => {
      const found = await source.find(orgId, ownId)
      return found && isPublic(found) && found.identifiers.own === ownId ? found : undefined
    },
  }
}
