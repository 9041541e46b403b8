/**
 * What a reporter sends, field by field (src/domain/report/submission.ts): kept exactly as typed,
 * refused only when it cannot be stored or shown faithfully, each refusal naming its field.
 */
import { describe, expect, it } from 'vitest'
import {
  formatReference,
  type ProgramQuestions,
  referencePrefix,
  submissionLimits,
  validateSubmission,
} from '../../../src/domain/report/submission.js'

const minimal = { title: 'XSS in search', description: 'The q parameter is reflected.' }

const programs = (...slugs: string[]): ProgramQuestions[] => slugs.map((slug) => ({ slug, fields: [] }))

const errorsOf = (input: Record<string, unknown>, slugs: string[] = []) => {
  const result = validateSubmission(input, programs(...slugs))
  return result.ok ? {} : result.error
}

describe('validateSubmission', () => {
  it('keeps text exactly as typed: no trimming, no normalization, empty optional fields become nothing', () => {
    const result = validateSubmission(
      {
        ...minimal,
        title: '  Café\u0301 <b>  ',
        steps: '\n1. open\n\t2. type\n',
        reporterName: '  ',
        reporterEmail: '',
        reporterPublicKey: ' \n',
      },
      [],
    )
    expect(result).toEqual({
      ok: true,
      value: {
        title: '  Café\u0301 <b>  ',
        program: null,
        programFields: [],
        description: minimal.description,
        steps: '\n1. open\n\t2. type\n',
        impact: '',
        affectedVersion: '',
        reporterName: null,
        reporterEmail: null,
        reporterPublicKey: null,
        creditPreference: 'anonymous',
      },
    })
  })

  it('asks for a title and a description; blank ones count as missing', () => {
    expect(errorsOf({})).toEqual({ title: 'required', description: 'required' })
    expect(errorsOf({ title: ' \t', description: '\n' })).toEqual({ title: 'required', description: 'required' })
    expect(errorsOf({ ...minimal, steps: '', impact: '' })).toEqual({})
  })

  it('refuses values that are not text', () => {
    expect(errorsOf({ ...minimal, title: 42, steps: ['a'], reporterEmail: { a: 1 } })).toEqual({
      title: 'not-text',
      steps: 'not-text',
      reporterEmail: 'not-text',
    })
  })

  it('counts length in code points, so the limit is exact and an emoji counts once', () => {
    const max = submissionLimits.title
    expect(errorsOf({ ...minimal, title: 'a'.repeat(max) })).toEqual({})
    expect(errorsOf({ ...minimal, title: 'a'.repeat(max + 1) })).toEqual({ title: 'too-long' })
    expect(errorsOf({ ...minimal, title: '😀'.repeat(max) })).toEqual({})
    expect(errorsOf({ ...minimal, affectedVersion: 'v'.repeat(submissionLimits.affectedVersion + 1) })).toEqual({
      affectedVersion: 'too-long',
    })
    expect(errorsOf({ ...minimal, impact: 'i'.repeat(submissionLimits.impact + 1) })).toEqual({ impact: 'too-long' })
  })

  it('refuses lone surrogates, which cannot be stored or mailed faithfully', () => {
    expect(errorsOf({ ...minimal, description: 'broken \uD800 text' })).toEqual({ description: 'malformed-unicode' })
  })

  it('single-line fields refuse control characters but a tab; multi-line text refuses only NUL', () => {
    expect(errorsOf({ ...minimal, title: 'a\tb' })).toEqual({})
    expect(errorsOf({ ...minimal, title: 'a\nb' })).toEqual({ title: 'control-characters' })
    expect(errorsOf({ ...minimal, reporterName: 'Eve\u001b[31m' })).toEqual({ reporterName: 'control-characters' })
    expect(errorsOf({ ...minimal, affectedVersion: '1.0\u007f' })).toEqual({ affectedVersion: 'control-characters' })
    expect(errorsOf({ ...minimal, description: 'line\r\nline\u001b' })).toEqual({})
    expect(errorsOf({ ...minimal, description: 'nul\u0000' })).toEqual({ description: 'control-characters' })
  })

  it('checks the shape of the reporter’s address', () => {
    for (const good of ['a@example.org', 'first.last+tag@sub.example.co.uk'])
      expect(errorsOf({ ...minimal, reporterEmail: good })).toEqual({})
    for (const bad of ['a@example', 'a b@example.org', '@example.org', 'a@@example.org', 'a@example.org>', 'a@.org']) {
      expect(errorsOf({ ...minimal, reporterEmail: bad })).toEqual({ reporterEmail: 'invalid-email' })
    }
    expect(errorsOf({ ...minimal, reporterEmail: `${'a'.repeat(250)}@b.cd` })).toEqual({ reporterEmail: 'too-long' })
  })

  it('asks for a program only when the policy lists programs, by its slug, and only one of its own', () => {
    expect(validateSubmission({ ...minimal, program: 'web' }, [])).toMatchObject({ ok: true, value: { program: null } })
    expect(errorsOf({ ...minimal }, ['web', 'app'])).toEqual({ program: 'required' })
    expect(errorsOf({ ...minimal, program: '' }, ['web'])).toEqual({ program: 'required' })
    expect(errorsOf({ ...minimal, program: 'other' }, ['web'])).toEqual({ program: 'unknown-program' })
    expect(errorsOf({ ...minimal, program: ['web'] }, ['web'])).toEqual({ program: 'unknown-program' })
    expect(validateSubmission({ ...minimal, program: 'app' }, programs('web', 'app'))).toMatchObject({
      ok: true,
      value: { program: 'app' },
    })
  })

  it("asks the chosen program's own questions, each checked by its type, required ones required", () => {
    const web: ProgramQuestions = {
      slug: 'web',
      fields: [
        { key: 'url', label: 'Affected URL', type: 'url', required: true },
        { key: 'browser', label: 'Browser and version', type: 'version', required: false },
        { key: 'notes', label: 'Notes', type: 'long-text', required: false },
      ],
    }
    const answers = { url: 'https://app.example.org/search?q=x', browser: 'Firefox 133', notes: 'line one\nline two' }
    expect(validateSubmission({ ...minimal, program: 'web', programFields: answers }, [web])).toMatchObject({
      ok: true,
      value: {
        programFields: [
          { key: 'url', label: 'Affected URL', value: answers.url },
          { key: 'browser', label: 'Browser and version', value: 'Firefox 133' },
          { key: 'notes', label: 'Notes', value: 'line one\nline two' },
        ],
      },
    })
    const missing = validateSubmission({ ...minimal, program: 'web', programFields: { browser: 'a\nb' } }, [web])
    expect(missing.ok ? {} : missing.error).toEqual({ 'field.url': 'required', 'field.browser': 'control-characters' })
    const notAddress = validateSubmission({ ...minimal, program: 'web', programFields: { url: 'javascript:alert(1)' } }, [web])
    expect(notAddress.ok ? {} : notAddress.error).toEqual({ 'field.url': 'invalid-url' })
  })

  it('credit: anonymous by default; by name or pseudonym needs a name; an unknown choice is refused', () => {
    expect(validateSubmission(minimal, [])).toMatchObject({ ok: true, value: { creditPreference: 'anonymous' } })
    expect(errorsOf({ ...minimal, creditPreference: 'name' })).toEqual({ reporterName: 'name-required-for-credit' })
    expect(errorsOf({ ...minimal, creditPreference: 'pseudonym', reporterName: '   ' })).toEqual({
      reporterName: 'name-required-for-credit',
    })
    expect(validateSubmission({ ...minimal, creditPreference: 'pseudonym', reporterName: 'n0body' }, [])).toMatchObject({
      ok: true,
      value: { creditPreference: 'pseudonym', reporterName: 'n0body' },
    })
    expect(errorsOf({ ...minimal, creditPreference: 'famous' })).toEqual({ creditPreference: 'invalid-choice' })
    expect(errorsOf({ ...minimal, creditPreference: 1 })).toEqual({ creditPreference: 'invalid-choice' })
    // A name too long is reported as such, not as missing.
    expect(errorsOf({ ...minimal, creditPreference: 'name', reporterName: 'n'.repeat(201) })).toEqual({ reporterName: 'too-long' })
  })

  it('a missing (null) title or description is asked for, not refused as not text; null optional fields are simply empty', () => {
    expect(errorsOf({ title: null, description: null, steps: null, reporterEmail: null })).toEqual({
      title: 'required',
      description: 'required',
    })
    expect(errorsOf({ ...minimal, program: null }, ['web'])).toEqual({ program: 'required' })
  })

  it('keeps the reporter’s address and public key as given', () => {
    const key = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF…\n-----END PGP PUBLIC KEY BLOCK-----\n'
    expect(validateSubmission({ ...minimal, reporterEmail: 'eve@example.org', reporterPublicKey: key }, [])).toMatchObject({
      ok: true,
      value: { reporterEmail: 'eve@example.org', reporterPublicKey: key },
    })
  })

  it('the address is one line: a control character in it is refused as such; the public key and impact may span lines', () => {
    expect(errorsOf({ ...minimal, reporterEmail: 'eve\u001b@example.org' })).toEqual({ reporterEmail: 'control-characters' })
    expect(errorsOf({ ...minimal, reporterEmail: 'eve@example.org\n' })).toEqual({ reporterEmail: 'control-characters' })
    expect(errorsOf({ ...minimal, impact: 'first\nsecond' })).toEqual({})
    expect(errorsOf({ ...minimal, reporterPublicKey: 'key\u0000' })).toEqual({ reporterPublicKey: 'control-characters' })
    expect(errorsOf({ ...minimal, reporterPublicKey: 'k'.repeat(submissionLimits.reporterPublicKey + 1) })).toEqual({
      reporterPublicKey: 'too-long',
    })
  })

  it("a program's questions: an optional address may be left empty, http is an address, missing answers are missing", () => {
    const web: ProgramQuestions = {
      slug: 'web',
      fields: [
        { key: 'url', label: 'Affected URL', type: 'url', required: true },
        { key: 'docs', label: 'Documentation page', type: 'url', required: false },
      ],
    }
    const answersOf = (programFields: unknown) => validateSubmission({ ...minimal, program: 'web', programFields }, [web])
    expect(answersOf({ url: 'http://intranet.example.org/', docs: '' })).toMatchObject({
      ok: true,
      value: {
        programFields: [
          { key: 'url', value: 'http://intranet.example.org/' },
          { key: 'docs', value: '' },
        ],
      },
    })
    for (const nothing of [undefined, null, 'url=https://x', ['https://x']]) {
      const result = answersOf(nothing)
      expect(result.ok ? {} : result.error).toEqual({ 'field.url': 'required' })
    }
    const unparsable = answersOf({ url: 'https://exa mple.org/' })
    expect(unparsable.ok ? {} : unparsable.error).toEqual({ 'field.url': 'invalid-url' })
  })

  it('reports every problem at once', () => {
    expect(Object.keys(errorsOf({ title: '', description: '', reporterEmail: 'x', creditPreference: 'x' }, ['web'])).sort()).toEqual([
      'creditPreference',
      'description',
      'program',
      'reporterEmail',
      'title',
    ])
  })
})

describe('report references', () => {
  it('are prefix, year and a number of at least four digits', () => {
    expect(formatReference('ACME', 2026, 42)).toBe('ACME-2026-0042')
    expect(formatReference('ACME', 2026, 12345)).toBe('ACME-2026-12345')
  })

  it('take letters and digits of the slug, upper-cased, at most ten, or REPORT when none is left', () => {
    expect(referencePrefix('open-klant')).toBe('OPENKLANT')
    expect(referencePrefix('kumi-systems-gmbh')).toBe('KUMISYSTEM')
    expect(referencePrefix('---')).toBe('REPORT')
  })
})
