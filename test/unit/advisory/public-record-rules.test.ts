/**
 * What the public sees of an advisory and of its history: the public record every page and export
 * is made from (public-record.ts), the revision history a CSAF document and the public page list
 * (published-revisions.ts), the revision text and diff the team and partners read
 * (revision-text.ts), the ids (identifiers.ts) and what an announcement carries and where it may
 * go (announcement.ts). Issue 17: each test pins a rule mutation testing found unpinned.
 */
import { describe, expect, it } from 'vitest'
import {
  advisoryPublishedItem,
  advisoryPublishedKind,
  announcementFacts,
  deliveryUrlProblem,
} from '../../../src/domain/advisory/announcement.js'
import type { AdvisoryContent } from '../../../src/domain/advisory/content.js'
import { cvePattern, defaultOwnPrefix, gcveIdOf, gcvePattern, ownIdOf } from '../../../src/domain/advisory/identifiers.js'
import { publicRecord, type RecordInput } from '../../../src/domain/advisory/public-record.js'
import { publishedRevisions } from '../../../src/domain/advisory/published-revisions.js'
import { changedFields, revisionDiff, revisionText } from '../../../src/domain/advisory/revision-text.js'
import { npmXss } from '../../support/advisories.js'

const content: AdvisoryContent = {
  title: 'Stored XSS in forms',
  summary: 'A label runs script.',
  description: 'Line one.\nLine two.',
  workarounds: 'Disallow `<`.',
  affected: [
    {
      kind: 'package',
      ecosystem: 'npm',
      name: 'klant-forms',
      purl: 'pkg:npm/klant-forms',
      ranges: [{ introduced: '2.0.0', fixed: '2.4.1' }, { introduced: '0', lastAffected: '1.9.9' }, { introduced: '3.0.0' }],
      status: 'affected',
    },
    { kind: 'package', ecosystem: 'Debian', name: 'klant', ranges: [{ introduced: '0' }], status: 'not-affected' },
    { kind: 'product', vendor: 'Acme', product: 'Router', ranges: [{ introduced: '7.0', fixed: '7.2' }], status: 'affected' },
  ],
  cwes: ['CWE-79', 'CWE-80'],
  severity: { cvss31: 'CVSS:3.1/AV:N', cvss40: 'CVSS:4.0/AV:N', qualitative: 'high' },
  references: [{ kind: 'fix', url: 'https://example.org/fix' }],
  credits: [
    { name: 'Ada', role: 'finder' },
    { name: 'Grace', role: 'remediation developer' },
  ],
  cve: 'CVE-2026-0001',
}

const recordInput = (over: Partial<RecordInput> = {}): RecordInput => ({
  id: 'adv-1',
  ownId: 'ACME-ADV-2026-0001',
  state: 'published',
  revision: 2,
  content,
  gcve: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-11T09:00:00.000Z',
  publishedAt: '2026-03-10T12:00:00.000Z',
  withdrawnAt: null,
  withdrawnReason: null,
  ...over,
})

describe('the public record', () => {
  it('carries the content, the ids and the dates the pages and exports show, and nothing unset', () => {
    expect(publicRecord(recordInput({ gcve: 'GCVE-1337-2026-0001' }))).toEqual({
      id: 'adv-1',
      identifiers: { own: 'ACME-ADV-2026-0001', cve: 'CVE-2026-0001', gcve: 'GCVE-1337-2026-0001' },
      state: 'published',
      title: content.title,
      summary: content.summary,
      description: content.description,
      workarounds: content.workarounds,
      affected: content.affected,
      cwes: content.cwes,
      severity: content.severity,
      references: content.references,
      credits: content.credits,
      revision: 2,
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-11T09:00:00.000Z',
      publishedAt: '2026-03-10T12:00:00.000Z',
    })
  })

  it('without a CVE or GCVE id only the own id is named', () => {
    const { cve: _cve, ...noCve } = content
    expect(publicRecord(recordInput({ content: noCve })).identifiers).toEqual({ own: 'ACME-ADV-2026-0001' })
  })

  it('a withdrawn record says when and why', () => {
    const record = publicRecord(
      recordInput({ state: 'withdrawn', withdrawnAt: '2026-03-20T10:00:00.000Z', withdrawnReason: 'Not reproducible.' }),
    )
    expect(record).toMatchObject({ state: 'withdrawn', withdrawnAt: '2026-03-20T10:00:00.000Z', withdrawnReason: 'Not reproducible.' })
    const published = publicRecord(recordInput())
    expect('withdrawnAt' in published || 'withdrawnReason' in published).toBe(false)
  })

  it("the linked reports' credits come first, then the advisory's own; each name and role once", () => {
    const record = publicRecord(
      recordInput({
        reportCredits: [
          { name: 'Ada', role: 'finder' },
          { name: 'Lin', role: 'reporter' },
          { name: 'Lin', role: 'reporter' },
          { name: 'Grace', role: 'finder' },
        ],
      }),
    )
    expect(record.credits).toEqual([
      { name: 'Ada', role: 'finder' },
      { name: 'Lin', role: 'reporter' },
      { name: 'Grace', role: 'finder' },
      { name: 'Grace', role: 'remediation developer' },
    ])
  })
})

describe('the published revision history', () => {
  const entry = (state: string, at: string, changed: string[] = [], action = 'edit') => ({ action, state, changed, at })

  it('lists only what the public saw: the first publication, each public update, the withdrawal', () => {
    const log = [
      entry('draft', '2026-03-01T09:00:00.000Z', ['title']),
      entry('in-review', '2026-03-02T09:00:00.000Z'),
      entry('published', '2026-03-10T12:00:00.000Z', ['title']),
      entry('published', '2026-03-11T09:00:00.000Z', ['affected', 'cwes', 'cve', 'gcve', 'x_custom']),
      entry('published', '2026-03-12T09:00:00.000Z', []),
      entry('withdrawn', '2026-03-20T10:00:00.000Z'),
    ]
    expect(publishedRevisions(log, 'Not reproducible.')).toEqual([
      { number: 1, date: '2026-03-10T12:00:00.000Z', summary: 'Initial public release.' },
      { number: 2, date: '2026-03-11T09:00:00.000Z', summary: 'Updated: affected products, weaknesses, CVE id, GCVE id, x_custom.' },
      { number: 3, date: '2026-03-12T09:00:00.000Z', summary: 'Updated.' },
      { number: 4, date: '2026-03-20T10:00:00.000Z', summary: 'Withdrawn: Not reproducible.' },
    ])
  })

  it('names every field in words the public understands', () => {
    const fields = [
      'title',
      'summary',
      'description',
      'workarounds',
      'affected',
      'cwes',
      'severity',
      'references',
      'credits',
      'cve',
      'gcve',
    ]
    const [, update] = publishedRevisions([entry('published', 'a'), entry('published', 'b', fields)])
    expect(update?.summary).toBe(
      'Updated: title, summary, description, workarounds, affected products, weaknesses, severity, references, credits, CVE id, GCVE id.',
    )
  })

  it('a withdrawal without a reason says so plainly; nothing published gives no history', () => {
    expect(publishedRevisions([entry('published', 'a'), entry('withdrawn', 'b')]).map((r) => r.summary)).toEqual([
      'Initial public release.',
      'Withdrawn.',
    ])
    expect(publishedRevisions([entry('draft', 'a'), entry('ready', 'b'), entry('scheduled', 'c')])).toEqual([])
  })

  it('the first public revision is the initial release, even when it is a withdrawal', () => {
    expect(publishedRevisions([entry('withdrawn', 'a')], 'Reason')).toEqual([{ number: 1, date: 'a', summary: 'Initial public release.' }])
  })
})

describe('the revision text and what changed', () => {
  it('shows every field under its heading, one product range per line', () => {
    expect(revisionText({ ...content, gcve: 'GCVE-1337-2026-0001' }).split('\n')).toEqual([
      '## Title',
      'Stored XSS in forms',
      '',
      '## Identifiers',
      'CVE: CVE-2026-0001',
      'GCVE: GCVE-1337-2026-0001',
      '',
      '## Summary',
      'A label runs script.',
      '',
      '## Description',
      'Line one.',
      'Line two.',
      '',
      '## Workarounds',
      'Disallow `<`.',
      '',
      '## Affected',
      'npm klant-forms (pkg:npm/klant-forms): >= 2.0.0, < 2.4.1 [affected]',
      'npm klant-forms (pkg:npm/klant-forms): >= 0, <= 1.9.9 [affected]',
      'npm klant-forms (pkg:npm/klant-forms): >= 3.0.0 [affected]',
      'Debian klant: >= 0 [not-affected]',
      'Acme Router: >= 7.0, < 7.2 [affected]',
      '',
      '## Weaknesses',
      'CWE-79, CWE-80',
      '',
      '## Severity',
      'CVSS:3.1/AV:N',
      'CVSS:4.0/AV:N',
      'high',
      '',
      '## References',
      'fix: https://example.org/fix',
      '',
      '## Credits',
      'Ada (finder)',
      'Grace (remediation developer)',
      '',
    ])
  })

  it('an advisory without ids or severity says so under its headings', () => {
    const { cve: _cve, ...bare } = { ...content, severity: {}, cwes: [], references: [], credits: [], affected: [] }
    const text = revisionText(bare)
    expect(text).toContain('## Identifiers\nCVE: —\n\n## Summary')
    expect(text).toContain('## Severity\n\n## References\n\n## Credits\n')
    expect(text).not.toContain('GCVE')
  })

  it('the diff shows a change under the field it belongs to', () => {
    const after = { ...content, severity: { ...content.severity, qualitative: 'critical' as const } }
    const diff = revisionDiff(content, after).filter((l) => l.op !== 'same')
    expect(diff).toEqual([
      { op: 'add', text: 'critical', newLine: 30 },
      { op: 'remove', text: 'high', oldLine: 30 },
    ])
    expect(revisionDiff(content, content).every((l) => l.op === 'same')).toBe(true)
  })

  it('names the fields that differ, in the order of the form; nothing for a first version', () => {
    expect(changedFields(undefined, content)).toEqual([])
    expect(changedFields(content, { ...content })).toEqual([])
    const { cve: _cve, ...noCve } = content
    expect(changedFields(content, { ...noCve, title: 'New', credits: [], severity: { qualitative: 'high' } })).toEqual([
      'title',
      'cve',
      'severity',
      'credits',
    ])
    expect(
      changedFields(noCve, {
        ...content,
        summary: 's',
        description: 'd',
        workarounds: 'w',
        affected: [],
        cwes: [],
        references: [],
      }),
    ).toEqual(['cve', 'summary', 'description', 'workarounds', 'affected', 'cwes', 'references'])
  })
})

describe('advisory ids', () => {
  it("an organization's own ids and GCVE ids are numbered with at least four digits", () => {
    expect(defaultOwnPrefix('ACME')).toBe('ACME-ADV')
    expect(ownIdOf('ACME-ADV', 2026, 7)).toBe('ACME-ADV-2026-0007')
    expect(ownIdOf('OKLANT', 2026, 12345)).toBe('OKLANT-2026-12345')
    expect(gcveIdOf(1337, 2026, 1)).toBe('GCVE-1337-2026-0001')
    expect(gcvePattern.test('GCVE-1337-2026-0001')).toBe(true)
    expect(cvePattern.test('CVE-2026-0001')).toBe(true)
  })
})

describe('announcements', () => {
  const url = 'https://embargo.example.org/o/oklant/advisories/OKLANT-2026-0003'

  it('the publishing unit leaves one outbox item naming the advisory', () => {
    expect(advisoryPublishedItem('adv-1')).toEqual({ kind: 'advisory.published', payload: { advisoryId: 'adv-1' } })
    expect(advisoryPublishedKind).toBe('advisory.published')
  })

  it('carries the public facts, every identifier the record has, and the mitigations only when the policy says so', () => {
    expect(announcementFacts(npmXss, url, true)).toEqual({
      id: 'OKLANT-2026-0003',
      cve: 'CVE-2026-12345',
      gcve: 'GCVE-1337-2026-0001',
      title: npmXss.title,
      summary: npmXss.summary,
      severity: npmXss.severity,
      url,
      publishedAt: npmXss.publishedAt,
      mitigations: npmXss.workarounds,
    })
    const plain = announcementFacts({ ...npmXss, identifiers: { own: 'OKLANT-2026-0003' } }, url, false)
    expect(Object.keys(plain)).toEqual(['id', 'title', 'summary', 'severity', 'url', 'publishedAt'])
    expect('mitigations' in announcementFacts({ ...npmXss, workarounds: ' \n' }, url, true)).toBe(false)
  })

  it('a delivery address is https without credentials or fragment, at most 2,000 characters', () => {
    expect(deliveryUrlProblem('https://hooks.example.org/x?token=1', false)).toBeNull()
    expect(deliveryUrlProblem('https://localhost/x', false)).toBeNull()
    for (const bad of ['https://user@hooks.example.org/', 'https://:secret@hooks.example.org/', 'https://hooks.example.org/#frag', ''])
      expect(deliveryUrlProblem(bad, true), bad).toBe('invalid-url')
    const prefix = 'https://hooks.example.org/'
    expect(deliveryUrlProblem(prefix + 'a'.repeat(2000 - prefix.length), false)).toBeNull()
    expect(deliveryUrlProblem(prefix + 'a'.repeat(2001 - prefix.length), false)).toBe('invalid-url')
  })

  it('plain http goes only to this machine, and only when the operator allows it', () => {
    for (const local of ['http://127.0.0.1:8080/x', 'http://localhost:8080/x', 'http://[::1]:8080/x']) {
      expect(deliveryUrlProblem(local, true), local).toBeNull()
      expect(deliveryUrlProblem(local, false), local).toBe('https-only')
    }
    for (const bad of ['http://hooks.example.org/', 'http://127.0.0.2/', 'ftp://127.0.0.1/', 'ws://localhost/'])
      expect(deliveryUrlProblem(bad, true), bad).toBe('https-only')
  })
})
