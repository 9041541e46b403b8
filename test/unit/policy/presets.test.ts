import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { loadPreset, presetNames, presetSource } from './presets.js'

describe('the shipped presets', () => {
  it.each(presetNames)('%s parses without problems', (name) => {
    const result = parsePolicy(presetSource(name), `${name}.yaml`)
    expect(result.ok ? [] : result.errors.map((e) => e.text)).toEqual([])
  })

  it('Kumi: third-party coordination, "other" handled like web apps, CEO at the end of the chain', () => {
    const kumi = loadPreset('kumi-systems')
    expect(kumi.programs?.map((p) => [p.slug, p.kind, p.handledLike ?? null])).toEqual([
      ['open-source', 'open-source', null],
      ['web-applications', 'web-app', null],
      ['other-products', 'other', 'web-applications'],
      ['third-party', 'third-party', null],
    ])
    expect(kumi.programs?.[1]?.fields?.map((f) => f.key)).toContain('browser-version')
    expect(kumi.programs?.[0]?.fields?.find((f) => f.key === 'fix-link')?.required).toBe(false)
    expect(kumi.escalation?.chain).toEqual([
      { notify: 'assignee' },
      { notify: 'team', after: '1 business day' },
      { notify: 'contact', contact: 'ceo', after: '1 business day' },
    ])
    expect(kumi.contacts?.find((c) => c.id === 'ceo')?.openpgp?.url).toMatch(/kumitterer-key\.gpg$/)
    expect(kumi.confidentiality?.markConfidentialWhen).toContain('personal-data')
    expect(kumi.team?.assignment).toBe('on-receipt')
  })

  it('Open Klant: eight steps in order, the draft advisory visible to admins and the team only', () => {
    const steps = loadPreset('open-klant').process ?? []
    expect(steps.map((s) => s.id)).toEqual([
      'validate',
      'confirm',
      'private-issue',
      'draft-advisory',
      'request-cve',
      'patch',
      'release',
      'announce',
    ])
    expect(steps[3]?.visibleTo).toEqual(['admins', 'team'])
    expect(steps[4]?.optional).toBe(true)
  })

  it('healthIMIS: high severity acts at once and alerts the team; a team of two that claims', () => {
    const policy = loadPreset('healthimis')
    expect(policy.clocks.bySeverity?.[0]).toMatchObject({ severity: ['high', 'critical'], actImmediately: true, alert: 'team' })
    expect(policy.team).toMatchObject({ size: 2, assignment: 'claim', avoidDoubleHandling: true, watchesInbox: 'working-days' })
    expect(policy.recognition?.bounty).toBe(false)
  })

  it('Alkemio: the informational label, anonymous reports, credit unless declined', () => {
    const policy = loadPreset('alkemio')
    expect(policy.labels?.map((l) => l.name)).toEqual(['informational'])
    expect(policy.reporter).toMatchObject({ anonymousAllowed: true, pseudonymAllowed: true })
    expect(policy.recognition?.creditInAdvisory).toBe('unless-declined')
    expect(policy.responses?.detailed).toEqual(['evaluation', 'plan', 'workarounds', 'expected-resolution-date'])
  })

  it('KhulnaSoft: early disclosure to organizations and three announcement channels', () => {
    const policy = loadPreset('khulnasoft')
    expect(policy.disclosure?.earlyDisclosure?.audience).toBe('organizations')
    expect(policy.disclosure?.announcements?.map((a) => a.kind)).toEqual(['blog', 'social', 'chat'])
    expect(policy.confidentiality?.sharedWith).toBe('assigned-team')
  })
})
