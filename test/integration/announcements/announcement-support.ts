/** Shared steps of the announcement tests: HTTP receivers started by the test, and a policy naming announcement channels. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { importPolicy } from '../../../src/policy-admin/use-cases/import-policy.js'
import { currentPolicy } from '../../../src/storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import type { TestApp } from '../../support/app.js'

export interface Hit {
  method: string
  path: string
  headers: Record<string, string>
  body: string
}

/** A real HTTP server on 127.0.0.1 that keeps every request and answers 200, or the next status queued for the path's prefix. */
export interface Receiver {
  url: string
  hits: Hit[]
  /** Statuses to answer, in order, to requests whose path starts with the key. */
  answers: Map<string, number[]>
  at(path: string): Hit[]
  close(): Promise<void>
}

export async function startReceiver(): Promise<Receiver> {
  const hits: Hit[] = []
  const answers = new Map<string, number[]>()
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (c: Buffer) => chunks.push(c))
    request.on('end', () => {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(request.headers)) if (typeof v === 'string') headers[k] = v
      hits.push({ method: request.method ?? '', path: request.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') })
      const queued = [...answers.entries()].find(([prefix]) => (request.url ?? '').startsWith(prefix))?.[1]
      response.writeHead(queued?.shift() ?? 200, { 'content-type': 'application/json' })
      response.end('{"event_id":"$ok"}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    answers,
    at: (path) => hits.filter((h) => h.path.startsWith(path)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A new policy version whose `disclosure` names these announcement channels. */
export async function withAnnouncements(
  t: TestApp,
  org: OrganizationRow,
  announcements: Array<{ kind: string; name: string; url?: string }>,
  includeMitigations = false,
): Promise<void> {
  const policy = structuredClone((await currentPolicy(t.deps.db, org.id))?.policy) as Record<string, unknown>
  policy.disclosure = { ...(policy.disclosure as object), announcements, includeMitigations }
  const result = await importPolicy(t.deps, org, JSON.stringify(policy, null, 2), 'policy.yaml', null)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
}
