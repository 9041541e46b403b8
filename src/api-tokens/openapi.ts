import type { FastifySchema } from 'fastify'
import { access } from '../domain/access/route-rules.js'
import type { RegisteredRoute } from '../http/plugins/access-guard.js'

type Json = Record<string, unknown>

/** A TypeBox schema as plain JSON Schema (TypeBox marks its schemas with symbol keys, which JSON drops). */
const plain = (schema: unknown): Json => JSON.parse(JSON.stringify(schema ?? {})) as Json

const problem = {
  description: 'A refusal or an error (RFC 9457): `code` is stable, `title` is for people.',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        required: ['code', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          code: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
        },
      },
    },
  },
}

function parameters(schema: FastifySchema): Json[] {
  const out: Json[] = []
  for (const [where, source] of [
    ['path', schema.params],
    ['query', schema.querystring],
  ] as const) {
    const s = plain(source) as { properties?: Record<string, Json>; required?: string[] }
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: property })
    }
  }
  return out
}

function responses(schema: FastifySchema): Json {
  const out: Json = {}
  for (const [status, body] of Object.entries((schema.response ?? {}) as Record<string, unknown>)) {
    const s = plain(body)
    out[status] = { description: String(s.description ?? 'Success'), content: { 'application/json': { schema: s } } }
  }
  if (Object.keys(out).length === 0) out['200'] = { description: 'Success' }
  out.default = problem
  return out
}

/**
 * A route's request body. A body schema keyed by content type (Fastify's `body.content`) is
 * described per type; a `multipart/form-data` entry validates the JSON of its `report` part, and
 * the document says so: a part named `report` holding that JSON, and the files as parts named `files`.
 */
function requestBody(body: unknown): Json {
  const content = (body as { content?: Record<string, { schema: unknown }> }).content
  if (!content) return { required: true, content: { 'application/json': { schema: plain(body) } } }
  const out: Json = {}
  for (const [type, entry] of Object.entries(content)) {
    out[type] =
      type === 'multipart/form-data'
        ? {
            schema: {
              type: 'object',
              required: ['report'],
              properties: {
                report: plain(entry.schema),
                files: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } },
              },
            },
            encoding: { report: { contentType: 'application/json' } },
          }
        : { schema: plain(entry.schema) }
  }
  return { required: true, content: out }
}

const operationId = (method: string, url: string) =>
  [method.toLowerCase(), ...url.split('/').filter((part) => part !== '' && part !== 'api' && part !== 'v1')]
    .map((part, i) => {
      const word = part.replace(/^:/, 'by-').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))
      return i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)
    })
    .join('')

/**
 * The OpenAPI 3.1 document of every `/api/` route, generated from the routes as registered: their
 * params, query and body schemas (TypeBox schemas are JSON Schema, which OpenAPI 3.1 uses as is),
 * their response schemas, and their access rule (a token rule needs the bearer scheme).
 */
export function openApiDocument(routes: readonly RegisteredRoute[], serverUrl: string): Json {
  const paths: Record<string, Json> = {}
  for (const route of routes) {
    if (!route.url.startsWith('/api/')) continue
    const path = route.url.replace(/:(\w+)/g, '{$1}')
    const rule = access[route.access]
    const doc = route.schema as FastifySchema & { summary?: string; description?: string }
    const operation: Json = {
      operationId: operationId(route.method, route.url),
      summary: doc.summary ?? doc.description ?? `${route.method} ${route.url}`,
      ...(doc.summary && doc.description ? { description: doc.description } : {}),
      parameters: parameters(route.schema),
      responses: responses(route.schema),
      security: rule.kind === 'token' ? [{ apiToken: [] }] : [],
    }
    if (rule.kind === 'token') operation['x-embargo-scope'] = rule.scope
    if (route.schema.body) operation.requestBody = requestBody(route.schema.body)
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Embargo API',
      version: '1',
      description:
        'The team JSON API (list, read and act on reports) with a member’s API token, and the reporters’ submission endpoint. Send the token as `Authorization: Bearer emb_…`; cookies are not accepted.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token (`emb_…`) created on the API tokens page.' },
      },
    },
    paths,
  }
}
