/**
 * A vector as the severity calculator stores it (src/domain/severity: the metrics not set are left
 * out, never written as "X") is scored in every export and on the public page. The scoring
 * library writes every metric of a group once one is set ("…/E:P/RL:X/RC:X"), and the exports used
 * to compare its spelling with the stored one: any temporal, environmental, threat or supplemental
 * metric then took the whole score out of the CVE record, the CSAF document and the advisory page.
 */
import { describe, expect, it } from 'vitest'
import { cvss31, cvss40 } from '../../../src/domain/advisory/exports/cvss.js'
import { toCsaf } from '../../../src/domain/advisory/exports/to-csaf.js'
import { toCve5 } from '../../../src/domain/advisory/exports/to-cve5.js'
import { canonicalVector } from '../../../src/domain/severity/cvss-vector.js'
import { npmXss, publisher } from '../../support/advisories.js'

const base31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
const base40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'
const stored = (version: '3.1' | '4.0', typed: string) => {
  const canonical = canonicalVector(version, typed)
  if (!canonical.ok) throw new Error(JSON.stringify(canonical.error))
  return canonical.value
}

describe('scores of vectors as the severity calculator stores them', () => {
  it('CVSS 3.1 with temporal or environmental metrics keeps its base score, with the vector as stored', () => {
    for (const typed of [`${base31}/E:P`, `${base31}/E:P/RL:X/RC:X`, `${base31}/MAV:L`, `${base31}/CR:H/MAV:L/MC:N`]) {
      const vector = stored('3.1', typed)
      expect(vector, typed).not.toContain(':X')
      expect(cvss31(vector), typed).toMatchObject({ version: '3.1', vectorString: vector, baseScore: 9.8, baseSeverity: 'CRITICAL' })
    }
    expect(cvss31(stored('3.1', `${base31}/E:P`))).toMatchObject({ exploitCodeMaturity: 'PROOF_OF_CONCEPT' })
    expect(cvss31(stored('3.1', `${base31}/E:P`))).not.toHaveProperty('remediationLevel')
  })

  it('CVSS 4.0 with supplemental metrics (Provider Urgency in words too) or environmental ones is scored', () => {
    const urgent = stored('4.0', `${base40}/S:P/U:Red`)
    expect(urgent).toBe(`${base40}/S:P/U:Red`)
    expect(cvss40(urgent)).toMatchObject({ vectorString: urgent, baseScore: 9.3, Safety: 'PRESENT', providerUrgency: 'RED' })
    expect(cvss40(`${base40}/U:Clear`)).toMatchObject({ vectorString: `${base40}/U:Clear`, providerUrgency: 'CLEAR' })
    expect(cvss40(stored('4.0', `${base40}/MAV:L`))).toMatchObject({ vectorString: `${base40}/MAV:L`, modifiedAttackVector: 'LOCAL' })
    // Still refused: a metric out of the specification's order, or a value the metric does not have.
    expect(cvss40(`${base40}/U:Red/S:P`)).toBeUndefined()
    expect(cvss40(`${base40}/U:Purple`)).toBeUndefined()
    expect(cvss31(`${base31}/RL:O/E:P`)).toBeUndefined()
  })

  it('the CVE record and the CSAF document carry the score of such a vector', () => {
    const cvssV3 = stored('3.1', `${base31}/E:P`)
    const cvssV4 = stored('4.0', `${base40}/E:A/S:P`)
    const advisory = { ...npmXss, severity: { cvss31: cvssV3, cvss40: cvssV4 } }
    const cve = toCve5(advisory, publisher) as { metrics?: Record<string, { vectorString: string; baseScore: number }>[] }
    expect(cve.metrics?.map((m) => (m.cvssV4_0 ?? m.cvssV3_1)?.vectorString)).toEqual([cvssV4, cvssV3])
    const csaf = toCsaf(advisory, publisher) as {
      vulnerabilities: { scores?: { cvss_v3: { vectorString: string; baseScore: number } }[] }[]
    }
    expect(csaf.vulnerabilities[0]?.scores?.[0]?.cvss_v3).toMatchObject({ vectorString: cvssV3, baseScore: 9.8 })
  })
})
