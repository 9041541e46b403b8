/**
 * Issue 11: the CSAF document of an advisory lists every published revision in
 * `document.tracking.revision_history` (number, date, summary) — the first publication, each
 * published update and the withdrawal — and stays valid against the CSAF 2.0 schema and
 * csaf-validator-lib's mandatory tests.
 */
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import { expect, it } from 'vitest'
import { csafFileName } from '../../../src/domain/advisory/exports/urls.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { csafSchema, csafValidator } from '../../support/export-schemas.js'
import { draftFor, fixedReport, orgWithAdvisories } from './disclosure-support.js'

const content = {
  summary: 'A crafted form label runs script.',
  description: 'The date picker renders the field label as HTML.',
  workarounds: '',
  cve: '',
  rows: '0',
  'affected-0-kind': 'package',
  'affected-0-ecosystem': 'npm',
  'affected-0-name': 'klant-forms',
  'affected-0-introduced': '2.0.0',
  'affected-0-fixed': '2.4.1',
  'affected-0-status': 'affected',
}

type Tracking = {
  version: string
  initial_release_date: string
  current_release_date: string
  revision_history: { number: string; date: string; summary: string }[]
}

eachDialect('CSAF revision history', (ctx) => {
  const app = useTestApp(ctx)

  it.skipIf(!csafSchema.present)(
    'every published revision is in the revision history, through the withdrawal, and the document stays valid',
    async () => {
      const t = app()
      const org = await orgWithAdvisories(t, '')
      const alice = await t.given.member(org, 'responder')
      const { ref } = await fixedReport(t, org, alice)
      const ownId = await draftFor(t, org, ref, alice, 'Stored XSS in the klant-forms date picker')
      const team = t.browser()
      await team.signIn(alice)
      const base = `/w/${org.slug}/advisories/${ownId}`
      const edit = (fields: Record<string, string>) => team.submit(`${base}/edit`, `${base}/edit`, { ...content, ...fields })
      const csaf = async () => {
        const res = await t.browser().get(`/o/${org.slug}/.well-known/csaf/white/2026/${csafFileName(ownId)}`)
        expect(res.statusCode).toBe(200)
        return JSON.parse(res.body) as { document: { tracking: Tracking } }
      }

      expect((await edit({ title: 'Stored XSS in the klant-forms date picker' })).statusCode).toBe(303)
      t.clock.advance(600_000)
      expect((await team.submit(base, `${base}/publish`, {})).statusCode).toBe(303)
      const published = t.clock.now().toISOString()
      t.clock.advance(600_000)
      expect((await edit({ title: 'Stored XSS in the klant-forms date and time picker' })).statusCode).toBe(303)
      const firstUpdate = t.clock.now().toISOString()
      t.clock.advance(600_000)
      expect((await edit({ title: 'Stored XSS in the klant-forms date and time picker', 'affected-0-fixed': '2.4.2' })).statusCode).toBe(
        303,
      )
      const secondUpdate = t.clock.now().toISOString()

      const updated = (await csaf()).document.tracking
      expect(updated.revision_history).toEqual([
        { number: '1', date: published, summary: 'Initial public release.' },
        { number: '2', date: firstUpdate, summary: 'Updated: title.' },
        { number: '3', date: secondUpdate, summary: 'Updated: affected products.' },
      ])
      expect(updated).toMatchObject({ version: '3', initial_release_date: published, current_release_date: secondUpdate })

      t.clock.advance(600_000)
      expect((await team.submit(base, `${base}/withdraw`, { reason: 'Not reproducible on any release.' })).statusCode).toBe(303)
      const doc = await csaf()
      const history = doc.document.tracking.revision_history
      expect(history).toHaveLength(4)
      expect(history[3]).toEqual({ number: '4', date: t.clock.now().toISOString(), summary: 'Withdrawn: Not reproducible on any release.' })

      const validate = csafValidator()
      const valid = validate(doc)
      expect(validate.errors ?? []).toEqual([])
      expect(valid).toBe(true)
      const result = await validateStrict(Object.values(mandatory), doc)
      expect(result.tests.flatMap((r) => r.errors.map((e) => `${r.name} ${e.instancePath} ${e.message}`))).toEqual([])
      expect(result.isValid).toBe(true)
    },
  )
})
