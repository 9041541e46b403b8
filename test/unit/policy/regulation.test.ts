import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { renderSecurityMd } from '../../../src/domain/policy/render-security-md.js'

const policy = (cra: string) => `version: 1
organization: { name: Oklant, slug: oklant }
contacts:
  - { id: ciso, kind: person, name: Carla Ciso, email: ciso@oklant.example }
  - { id: legal, kind: team, name: Legal }
channels:
  webForm: { enabled: true }
calendar: { timeZone: Europe/Amsterdam, holidays: { country: NL } }
clocks: { acknowledge: 3 business days }
${cra}`

describe('regulation.cra', () => {
  it('accepts a manufacturer in an EU Member State and says so in SECURITY.md', () => {
    const parsed = parsePolicy(
      policy('regulation:\n  cra: { manufacturer: true, memberState: NL, csirt: NCSC-NL, notify: [ciso] }\n'),
      'policy.yaml',
    )
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const md = renderSecurityMd(parsed.policy)
    expect(md).toContain('## EU Cyber Resilience Act')
    expect(md).toContain('Our main establishment is in the Netherlands.')
    expect(md).toContain('we notify NCSC-NL, the coordinating CSIRT, and ENISA')
    expect(md).toContain('an early warning within 24 hours, a notification within 72 hours')
    expect(md).not.toContain('ciso@oklant.example')
  })

  it('says nothing in SECURITY.md for an organization that is no manufacturer', () => {
    const parsed = parsePolicy(policy('regulation:\n  cra: { manufacturer: false }\n'), 'policy.yaml')
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(renderSecurityMd(parsed.policy)).not.toContain('Cyber Resilience Act')
  })

  it('refuses a state outside the EU, a manufacturer without a state, and contacts it cannot tell', () => {
    const messages = (cra: string) => {
      const parsed = parsePolicy(policy(cra), 'policy.yaml')
      return parsed.ok ? [] : parsed.errors.map((e) => e.text)
    }
    expect(messages('regulation:\n  cra: { manufacturer: true, memberState: GB }\n').join('\n')).toContain('regulation.cra.memberState')
    expect(messages('regulation:\n  cra: { manufacturer: true, memberState: EL }\n')).not.toEqual([])
    expect(messages('regulation:\n  cra: { manufacturer: true }\n').join('\n')).toContain(
      'names the Member State of its main establishment',
    )
    expect(messages('regulation:\n  cra: { manufacturer: true, memberState: AT, notify: [cisoo] }\n').join('\n')).toContain(
      'no contact has id "cisoo" (did you mean "ciso"?)',
    )
    expect(messages('regulation:\n  cra: { manufacturer: true, memberState: AT, notify: [legal] }\n').join('\n')).toContain('has no email')
    expect(messages('regulation:\n  cra: { manufacturer: true, memberState: AT, csirts: CERT.at }\n').join('\n')).toContain('csirt')
  })
})
