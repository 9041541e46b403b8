/** Issue 13, item 6: the API is documented by an OpenAPI 3.1 document generated from the routes themselves. */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { expect, it } from 'vitest'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('the OpenAPI document of the API', (ctx) => {
  const app = useTestApp(ctx)

  it('documents every /api/ route, and only routes that exist, as OpenAPI 3.1 with valid JSON Schemas', async () => {
    const t = app()
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json() as {
      openapi: string
      info: { title: string; version: string }
      paths: Record<
        string,
        Record<
          string,
          {
            responses: object
            parameters: { schema: object }[]
            requestBody?: { content: Record<string, { schema: object }> }
            security: object[]
          }
        >
      >
      components: { securitySchemes: Record<string, { type: string; scheme: string }> }
    }
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(doc.info.title).toBeTruthy()
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' })

    const toPath = (url: string) => url.replace(/:(\w+)/g, '{$1}')
    const registered = new Set(
      t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method.toLowerCase()} ${toPath(r.url)}`),
    )
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)))
    expect(registered.size).toBeGreaterThanOrEqual(6)
    expect([...documented].sort()).toEqual([...registered].sort())
    for (const must of [
      'get /api/v1/orgs/{org}/reports',
      'get /api/v1/orgs/{org}/reports/{ref}',
      'post /api/v1/orgs/{org}/reports/{ref}/status',
      'post /api/v1/orgs/{org}/reports/{ref}/replies',
    ]) {
      expect(documented).toContain(must)
      const [method, path] = must.split(' ') as [string, string]
      expect(doc.paths[path]![method]!.security).toEqual([{ apiToken: [] }])
    }

    // Every schema in it is a JSON Schema (2020-12, which OpenAPI 3.1 uses) that compiles.
    const ajv = new Ajv2020({ strict: false })
    addFormats.default(ajv)
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(op.responses).toBeTypeOf('object')
        for (const p of op.parameters) ajv.compile(p.schema)
        for (const c of Object.values(op.requestBody?.content ?? {})) ajv.compile(c.schema)
      }
    }
  })

  it('the tokens page links to the documentation', async () => {
    const t = app()
    const org = await t.given.org()
    const m = await t.given.member(org, 'viewer')
    const b = t.browser()
    await b.signIn(m)
    const page = await b.get(`/w/${org.slug}/tokens`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('href="/api/v1/openapi.json"')
    expect((await b.get(`/w/${org.slug}/reports`)).body).toContain(`href="/w/${org.slug}/tokens"`)
  })
})
