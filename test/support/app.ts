/**
 * The real application on a real database, driven through its front door (`inject`), with a
 * controllable clock, captured logs, and factories that create real rows through the same use
 * cases production uses.
 */
import { Writable } from 'node:stream'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { addMember } from '../../src/admin/use-cases/add-member.js'
import { createOrganization } from '../../src/admin/use-cases/create-organization.js'
import { buildWeb, openApp } from '../../src/app.js'
import { type Config, loadConfig } from '../../src/config.js'
import type { Deps } from '../../src/deps.js'
import { intakePrograms } from '../../src/domain/policy/programs.js'
import { parseAllowedRanges } from '../../src/egress/index.js'
import { submitReport } from '../../src/intake/use-cases/submit-report.js'
import { importPolicy } from '../../src/policy-admin/use-cases/import-policy.js'
import { currentPolicy } from '../../src/storage/repositories/policy-repository.js'
import type { OrganizationRow, Role } from '../../src/storage/schema.js'
import type { DialectContext } from './databases.js'

export class TestClock {
  constructor(public current = new Date('2026-11-20T10:00:00.000Z')) {}
  now = (): Date => new Date(this.current)
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}

export interface TestApp {
  app: FastifyInstance
  deps: Deps
  clock: TestClock
  /** Every log line written while the app ran, as raw JSON text. */
  logs: string[]
  given: ReturnType<typeof factories>
  browser(): Browser
  close(): Promise<void>
}

export async function startTestApp(databaseUrl: string, overrides: Partial<Config> = {}): Promise<TestApp> {
  const config = loadConfig(
    { EMBARGO_DATABASE_URL: databaseUrl, EMBARGO_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), EMBARGO_LOG_LEVEL: 'info' },
    // The servers tests start (identity provider, CVE Services, webhook receivers) listen on loopback.
    { formMinSeconds: 0, intakeRateLimit: 10_000, egressAllow: parseAllowedRanges('127.0.0.0/8, ::1'), ...overrides },
  )
  const logs: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk))
      done()
    },
  })
  const clock = new TestClock()
  const opened = await openApp(config, { now: clock.now, logDestination: sink })
  const app = await buildWeb(opened.deps)
  await app.ready()
  return {
    app,
    deps: opened.deps,
    clock,
    logs,
    given: factories(opened.deps),
    browser: () => new Browser(app),
    close: async () => {
      await app.close()
      await opened.close()
    },
  }
}

/**
 * Starts the app on a fresh database of the enclosing `eachDialect` block before its tests and
 * tears both down after them. Call the returned function inside tests.
 */
export function useTestApp(ctx: DialectContext, overrides: Partial<Config> = {}): () => TestApp {
  let t: TestApp | undefined
  let drop: (() => Promise<void>) | undefined
  beforeAll(async () => {
    const fresh = await ctx.freshDatabase()
    drop = fresh.drop
    t = await startTestApp(fresh.url, overrides)
  })
  afterAll(async () => {
    await t?.close()
    await drop?.()
  })
  return () => {
    if (!t) throw new Error('useTestApp: the app is not started (call inside a test)')
    return t
  }
}

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

/** A member as the use cases take them: who acts, and in which role (need to know reads both). */
export const asMember = (m: TestMember) => ({ userId: m.id, role: m.role })

export interface TestMember {
  id: string
  email: string
  password: string
  name: string
  role: Role
}

function factories(deps: Deps) {
  return {
    async org(input: { slug?: string; name?: string } = {}): Promise<OrganizationRow> {
      const slug = input.slug ?? `org-${unique()}`
      const result = await createOrganization(deps, { slug, name: input.name ?? `Org ${slug}` })
      if (!result.ok) throw new Error(`org: ${JSON.stringify(result.error)}`)
      return result.value
    },
    async member(org: OrganizationRow, role: Role = 'responder', name = `Member ${unique()}`): Promise<TestMember> {
      const email = `${unique()}@example.org`
      const password = `correct horse battery ${unique()}`
      const result = await addMember(deps, org.id, { email, name, password, role }, null)
      if (!result.ok) throw new Error(`member: ${JSON.stringify(result.error)}`)
      return { id: result.value, email, password, name, role }
    },
    /**
     * A program, added to the organization's policy (programs live in the policy): a new policy
     * version with the program appended, or a minimal policy when the organization has none.
     * Returns the program's slug.
     */
    async program(
      org: OrganizationRow,
      input: { slug?: string; name?: string; kind?: string; inScope?: boolean; fields?: Array<Record<string, unknown>> } = {},
    ): Promise<string> {
      const slug = input.slug ?? `p-${unique()}`
      const policy: Record<string, unknown> = structuredClone((await currentPolicy(deps.db, org.id))?.policy) ?? {
        version: 1,
        organization: { name: org.name, slug: org.slug },
        channels: { webForm: { enabled: true } },
        calendar: { timeZone: 'UTC', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
        clocks: {},
      }
      const program = { slug, name: input.name ?? 'Web shop', kind: input.kind ?? 'web-app', inScope: input.inScope ?? true }
      policy.programs = [
        ...((policy.programs as unknown[] | undefined) ?? []),
        input.fields ? { ...program, fields: input.fields } : program,
      ]
      // YAML is a superset of JSON: the policy's JSON is a policy file.
      const result = await importPolicy(deps, org, JSON.stringify(policy, null, 2), 'policy.yaml', null)
      if (!result.ok) throw new Error(`program: ${JSON.stringify(result.error)}`)
      return slug
    },
    /** A report through the API; about the policy's first program (its questions answered) unless `input` names one. */
    async report(org: OrganizationRow, input: Record<string, unknown> = {}) {
      const program = intakePrograms((await currentPolicy(deps.db, org.id))?.policy)[0]
      const about = program
        ? {
            program: program.slug,
            programFields: Object.fromEntries(
              program.fields.map((f) => [f.key, f.type === 'url' ? 'https://app.example.org/' : f.type === 'version' ? '2.4.1' : 'n/a']),
            ),
          }
        : {}
      const result = await submitReport(
        deps,
        org,
        { title: 'SQL injection in search', description: 'The q parameter is concatenated.', ...about, ...input },
        'api',
      )
      if (!result.ok) throw new Error(`report: ${JSON.stringify(result.error)}`)
      return result.value
    },
  }
}

/** Finds the CSRF token of the first form on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no CSRF token on the page')
  return match[1]
}

/** A browser without JavaScript: keeps cookies, follows nothing by itself, posts forms with their CSRF token. */
export class Browser {
  readonly cookies = new Map<string, string>()
  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    return res
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }))
  }

  async post(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: new URLSearchParams(form).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
      }),
    )
  }

  /** Opens `pageUrl`, then submits `fields` to `action` with the page's CSRF token, as a person would. */
  async submit(pageUrl: string, action: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl)
    if (page.statusCode !== 200) throw new Error(`GET ${pageUrl} answered ${page.statusCode}`)
    const served = /name="_served" value="([^"]+)"/.exec(page.body)?.[1]
    return this.post(action, { _csrf: csrfFrom(page.body), ...(served ? { _served: served } : {}), ...fields })
  }

  async signIn(member: { email: string; password: string }): Promise<void> {
    const res = await this.submit('/login', '/login', { email: member.email, password: member.password, next: '/' })
    if (res.statusCode !== 303) throw new Error(`sign-in failed with ${res.statusCode}`)
  }
}

/**
 * Submits a form as `Browser.submit` does and, when the answer is a redirect (post/redirect/get),
 * opens the page it leads to, as a browser would: the action's status, where the address bar ends
 * up, and the page shown there (with its flash message).
 */
export async function submitAndFollow(
  browser: Browser,
  pageUrl: string,
  action: string,
  fields: Record<string, string>,
): Promise<{ status: number; location: string | undefined; page: LightMyRequestResponse }> {
  const res = await browser.submit(pageUrl, action, fields)
  const location = res.headers.location as string | undefined
  if (res.statusCode < 300 || res.statusCode >= 400 || !location) return { status: res.statusCode, location: undefined, page: res }
  return { status: res.statusCode, location, page: await browser.get(location) }
}

/** What a person reads of a page or a part of it: the HTML's text without its tags (times and their relative phrases run together). */
export const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
