import { describe, expect, it } from 'vitest'
import { announcementText, webhookBody } from '../../../src/announcements/announcement-text.js'
import { announcementFacts, deliveryUrlProblem } from '../../../src/domain/advisory/announcement.js'
import { translator } from '../../../src/i18n/messages.js'
import { npmXss } from '../../support/advisories.js'

const url = 'https://embargo.example.org/o/oklant/advisories/OKLANT-2026-0003'
const t = translator('en')

describe('what an announcement says', () => {
  it('names the public title, summary, severity, every identifier and the public address', () => {
    const text = announcementText(t, announcementFacts(npmXss, url, false), 'Open Klant')
    expect(text).toContain('Stored XSS in the klant-forms date picker')
    expect(text).toContain(npmXss.summary)
    expect(text).toContain('Identifiers: OKLANT-2026-0003, CVE-2026-12345, GCVE-1337-2026-0001')
    expect(text).toMatch(/Severity: \d\.\d \w+ \(CVSS 4\.0, CVSS:4\.0\//)
    expect(text).toContain(`Read the advisory: ${url}`)
  })

  it('says what to do before upgrading only when the policy includes mitigations', () => {
    expect(announcementText(t, announcementFacts(npmXss, url, false), 'Open Klant')).not.toContain(npmXss.workarounds)
    const withMitigations = announcementText(t, announcementFacts(npmXss, url, true), 'Open Klant')
    expect(withMitigations).toContain('Mitigations and workarounds:')
    expect(withMitigations).toContain(npmXss.workarounds)
  })

  it('carries nothing beyond those facts: not the description, the affected ranges or the credits', () => {
    const facts = announcementFacts(npmXss, url, true)
    const body = webhookBody(facts, { name: 'Open Klant', slug: 'oklant' }, announcementText(t, facts, 'Open Klant'))
    for (const hidden of ['date picker of **klant-forms**', 'Ada Reporter', 'pkg:npm/klant-forms', 'openklant.example/blog'])
      expect(body).not.toContain(hidden)
    expect(JSON.parse(body)).toMatchObject({ type: 'advisory.published', data: { advisory: { id: 'OKLANT-2026-0003', url } } })
  })
})

describe('where an announcement may go', () => {
  it('https only; plain http only to this machine and only when the operator allows it', () => {
    expect(deliveryUrlProblem('https://hooks.slack.com/services/T/B/X', false)).toBeNull()
    expect(deliveryUrlProblem('http://hooks.example.org/x', true)).toBe('https-only')
    expect(deliveryUrlProblem('http://127.0.0.1:8080/x', false)).toBe('https-only')
    expect(deliveryUrlProblem('http://127.0.0.1:8080/x', true)).toBeNull()
    expect(deliveryUrlProblem('https://user:pw@hooks.example.org/', false)).toBe('invalid-url')
    expect(deliveryUrlProblem('not a url', false)).toBe('invalid-url')
  })
})
