/**
 * The publication routes on the real server (identity, CSRF, access guard, error pages) over a real
 * database, reading advisories from an in-memory list of real published records — the same kind
 * of source the composition root wires to the advisory repository.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { identity } from '../../../src/auth/index.js'
import { type PublishedAdvisorySource, publicationFeature } from '../../../src/disclosure/index.js'
import type { Advisory } from '../../../src/domain/advisory/advisory.js'
import { buildServer } from '../../../src/http/server.js'
import type { TestApp } from '../../support/app.js'

/** Advisories per organization id; tests put records in, including ones that must never be served. */
export class AdvisoryShelf implements PublishedAdvisorySource {
  readonly byOrg = new Map<string, Advisory[]>()
  put(orgId: string, ...advisories: Advisory[]): void {
    this.byOrg.set(orgId, [...(this.byOrg.get(orgId) ?? []), ...advisories])
  }
  async list(orgId: string): Promise<Advisory[]> {
    return this.byOrg.get(orgId) ?? []
  }
  async find(orgId: string, ownId: string): Promise<Advisory | undefined> {
    return this.byOrg.get(orgId)?.find((a) => a.identifiers.own === ownId)
  }
}

/** A server with the publication feature on the test app's database; built once per suite. */
export function usePublicationServer(app: () => TestApp, shelf: AdvisoryShelf): () => FastifyInstance {
  let server: FastifyInstance | undefined
  beforeAll(async () => {
    server = await buildServer(app().deps, { identity, features: [publicationFeature(() => shelf)] })
    await server.ready()
  })
  afterAll(async () => server?.close())
  return () => {
    if (!server) throw new Error('publication server not started')
    return server
  }
}
