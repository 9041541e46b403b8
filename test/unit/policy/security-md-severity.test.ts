import { describe, expect, it } from 'vitest'
import { renderSecurityMd } from '../../../src/domain/policy/render-security-md.js'
import type { Policy } from '../../../src/domain/policy/schema.js'
import { loadPreset } from './presets.js'

const withSeverity = (severity: Policy['severity']): Policy => ({ ...loadPreset('healthimis'), severity })

describe('SECURITY.md says how severity is rated', () => {
  it("a qualitative-only policy lists its levels with the organization's definitions, in order, and names no score", () => {
    const text = renderSecurityMd(
      withSeverity({
        scoring: 'qualitative',
        levels: [
          { level: 'critical', definition: 'Patient data of every clinic\ncan be read or changed.' },
          { level: 'low', definition: 'No patient data is at risk.' },
        ],
      }),
    )
    const section = text.slice(text.indexOf('## How we rate severity'))
    expect(section).toContain('We rate the severity of each vulnerability as Low, Medium, High or Critical.')
    expect(section).toContain(
      '- **Low**: No patient data is at risk.\n- **Critical**: Patient data of every clinic can be read or changed.',
    )
    expect(section.slice(0, section.indexOf('\n## ', 3))).not.toMatch(/CVSS|\d/)
  })

  it('a CVSS policy names the versions it scores with', () => {
    expect(renderSecurityMd(withSeverity({ scoring: 'both' }))).toContain('We score each vulnerability with CVSS 4.0 and CVSS 3.1')
    expect(renderSecurityMd(withSeverity({ scoring: 'cvss4' }))).toContain('We score each vulnerability with CVSS 4.0,')
  })

  it('a policy that says nothing about severity gets no section', () => {
    expect(renderSecurityMd(loadPreset('healthimis'))).not.toContain('## How we rate severity')
  })
})
