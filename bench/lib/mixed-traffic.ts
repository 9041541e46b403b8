/**
 * The mixed traffic of a soak: 80 % reads (queue pages, report pages), 20 % writes (API
 * submissions, the team's replies), from a few concurrent clients against a running server.
 * Used by the soak test (`test/integration/soak/mixed-traffic.test.ts`, seconds) and by the bench's
 * `soak` phase (`bench/run.ts`, half an hour with heap snapshots).
 */
import { addMember } from '../../src/admin/use-cases/add-member.js'
import { createOrganization } from '../../src/admin/use-cases/create-organization.js'
import { startSession } from '../../src/auth/sessions.js'
import type { Deps } from '../../src/deps.js'
import { submitReport } from '../../src/intake/use-cases/submit-report.js'

export interface SoakOrg {
  /** The responder's session cookie. */
  session: string
  /** References of the reports the readers and repliers pick from. */
  refs: string[]
}

/** The organization `acme`, a signed-in responder and `reports` reports to read and answer. */
export async function seedSoakOrg(deps: Deps, reports = 60): Promise<SoakOrg> {
  const created = await createOrganization(deps, { slug: 'acme', name: 'ACME Corp' })
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const org = created.value
  const member = await addMember(
    deps,
    org.id,
    { email: 'soak@example.org', name: 'Soak', password: 'correct horse battery staple', role: 'responder' },
    null,
  )
  if (!member.ok) throw new Error(JSON.stringify(member.error))
  const session = `embargo_session=${await startSession(deps, member.value)}`
  const refs: string[] = []
  for (let i = 0; i < reports; i++) {
    const r = await submitReport(deps, org, { title: `Seed ${i}`, description: `Seed report ${i}`, reporterEmail: 'r@example.net' }, 'api')
    if (!r.ok) throw new Error(`seed: ${JSON.stringify(r.error)}`)
    refs.push(r.value.ref)
  }
  return { session, refs }
}

export interface TrafficCounts {
  queue: number
  report: number
  submit: number
  reply: number
}

export interface TrafficOutcome {
  counts: TrafficCounts
  total: number
  /** What went wrong, first ones kept (a status other than the expected one, or a network error). */
  errors: string[]
  errorCount: number
  /** Client-observed latency of every request, sorted, in ms. */
  latencies: number[]
}

/**
 * Runs `clients` concurrent clients until `until()` says stop. Each picks a request at random:
 * 45 % a queue page, 35 % a report page, 12 % a submission through the JSON API, 8 % a reply (to
 * the reporter or internal) through the report page's form, with the form's CSRF token.
 */
export async function runMixedTraffic(
  baseUrl: string,
  soak: SoakOrg,
  o: { clients: number; until: () => boolean },
): Promise<TrafficOutcome> {
  // A CSRF token for the reply form: the token on the page plus its secret cookie.
  const page = await fetch(`${baseUrl}/w/acme/reports/${soak.refs[0]}`, { headers: { cookie: soak.session } })
  const html = await page.text()
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  const csrfCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('embargo_csrf='))
  if (!csrf || !csrfCookie) throw new Error(`no CSRF token on the report page (${page.status})`)
  const cookie = `${soak.session}; ${csrfCookie}`

  const counts: TrafficCounts = { queue: 0, report: 0, submit: 0, reply: 0 }
  const errors: string[] = []
  let errorCount = 0
  const latencies: number[] = []
  let n = 0
  const failed = (what: string) => {
    errorCount++
    if (errors.length < 50) errors.push(what)
  }
  const expectStatus = async (what: string, res: Response, ok: number) => {
    await res.arrayBuffer()
    if (res.status !== ok) failed(`${what}: ${res.status}`)
  }
  const client = async () => {
    while (!o.until()) {
      const roll = Math.random()
      const ref = soak.refs[Math.floor(Math.random() * soak.refs.length)]
      const started = performance.now()
      try {
        if (roll < 0.45) {
          counts.queue++
          const sort = Math.random() < 0.5 ? 'newest' : 'oldest'
          await expectStatus('queue', await fetch(`${baseUrl}/w/acme/reports?status=open&sort=${sort}`, { headers: { cookie } }), 200)
        } else if (roll < 0.8) {
          counts.report++
          await expectStatus('report page', await fetch(`${baseUrl}/w/acme/reports/${ref}`, { headers: { cookie } }), 200)
        } else if (roll < 0.92) {
          counts.submit++
          const i = n++
          const res = await fetch(`${baseUrl}/api/v1/orgs/acme/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              title: `Soak ${i}`,
              description: `Found during the soak, number ${i}.`,
              reporterEmail: `s${i}@example.net`,
            }),
          })
          await expectStatus('submit', res, 201)
        } else {
          counts.reply++
          const res = await fetch(`${baseUrl}/w/acme/reports/${ref}/messages`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
            body: new URLSearchParams({
              _csrf: csrf,
              body: `Reply ${n++}: thanks!`,
              visibility: Math.random() < 0.8 ? 'reporter' : 'internal',
            }).toString(),
          })
          await expectStatus('reply', res, 303)
        }
      } catch (error) {
        failed(String(error))
      }
      latencies.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: o.clients }, client))
  latencies.sort((a, b) => a - b)
  return { counts, total: counts.queue + counts.report + counts.submit + counts.reply, errors, errorCount, latencies }
}
