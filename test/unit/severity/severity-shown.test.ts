/**
 * What pages, mails and exports show of a severity under the policy's scoring
 * (src/domain/severity/scoring.ts), and what the calculator form on the report page sets
 * (src/domain/severity/cvss-form.ts): the label a team member reads, the vectors an advisory
 * publishes, the level the per-severity clocks get.
 */
import { describe, expect, it } from 'vitest'
import type { AdvisorySeverity } from '../../../src/domain/advisory/advisory.js'
import { cvssFieldName, cvssFormFields, formValuesFromVector, vectorsFromForm } from '../../../src/domain/severity/cvss-form.js'
import {
  levelDefinitions,
  levelFromVectors,
  publicSeverity,
  type SeverityScoring,
  scoredVersions,
  scoringOf,
  severityLabel,
} from '../../../src/domain/severity/scoring.js'

const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' // 9.3 critical
const v40medium = 'CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:H/SA:N' // 4.0 medium
const v40none = 'CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N' // 0.0 none
const v31high = 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:L' // 7.0 high
const v31ten = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' // 10.0 critical
const v31none = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N' // 0.0 none
const v31low = 'CVSS:3.1/AV:P/AC:H/PR:H/UI:N/S:U/C:L/I:N/A:N' // 1.6 low

describe('the scoring a policy sets', () => {
  it('is the policy’s, or both CVSS versions without a severity key; 4.0 is preferred', () => {
    expect(scoringOf({ severity: { scoring: 'qualitative' } } as never)).toBe('qualitative')
    expect(scoringOf({ severity: { scoring: 'cvss3.1' } } as never)).toBe('cvss3.1')
    expect(scoringOf({})).toBe('both')
    expect((['cvss4', 'cvss3.1', 'both', 'qualitative'] as const).map(scoredVersions)).toEqual([['4.0'], ['3.1'], ['4.0', '3.1'], []])
  })

  it("gives each level the organization's definition where the policy has one", () => {
    const policy = {
      severity: {
        scoring: 'qualitative',
        levels: [
          { level: 'critical', definition: 'Remote code execution without authentication.' },
          { level: 'low', definition: 'Hardening.' },
        ],
      },
    } as never
    expect(levelDefinitions(policy)).toEqual({ critical: 'Remote code execution without authentication.', low: 'Hardening.' })
    expect(levelDefinitions({ severity: { scoring: 'both' } } as never)).toStrictEqual({})
    expect(levelDefinitions({})).toStrictEqual({})
  })
})

describe('the severity label a page shows', () => {
  const label = (severity: AdvisorySeverity, scoring: SeverityScoring) => severityLabel(severity, scoring)

  it('names the preferred score’s rating and every score with one decimal', () => {
    expect(label({ cvss40: v40medium, cvss31: v31ten, qualitative: 'low' }, 'both')).toEqual({
      level: 'medium',
      scores: [
        { version: '4.0', vector: v40medium, score: 4, rating: 'medium' },
        { version: '3.1', vector: v31ten, score: 10, rating: 'critical' },
      ],
      text: 'Medium (CVSS 4.0 4.0, CVSS 3.1 10.0)',
    })
    expect(label({ cvss31: v31high }, 'both').text).toBe('High (CVSS 3.1 7.0)')
    expect(label({ cvss31: v31none }, 'cvss3.1').text).toBe('None (CVSS 3.1 0.0)')
  })

  it('shows only the versions the policy scores, each in canonical order, and never an invalid vector', () => {
    expect(label({ cvss40: v40, cvss31: v31high }, 'cvss3.1')).toMatchObject({ level: 'high', text: 'High (CVSS 3.1 7.0)' })
    expect(label({ cvss40: v40, cvss31: v31high }, 'cvss4')).toMatchObject({ level: 'critical', text: 'Critical (CVSS 4.0 9.3)' })
    const reordered = 'CVSS:3.1/A:L/I:L/C:H/S:U/UI:N/PR:N/AC:H/AV:N'
    expect(label({ cvss31: reordered }, 'both').scores).toEqual([{ version: '3.1', vector: v31high, score: 7, rating: 'high' }])
    expect(label({ cvss40: 'CVSS:4.0/AV:N', cvss31: 'CVSS:3.1/AV:N', qualitative: 'low' }, 'both')).toEqual({
      level: 'low',
      scores: [],
      text: 'Low',
    })
  })

  it('falls back to the level chosen by hand, and says nothing when there is none', () => {
    expect(label({ qualitative: 'high' }, 'both')).toEqual({ level: 'high', scores: [], text: 'High' })
    expect(label({ cvss40: '', cvss31: '' }, 'both')).toEqual({ level: undefined, scores: [], text: '' })
    expect(label({}, 'qualitative')).toEqual({ level: undefined, scores: [], text: '' })
    expect(label({ cvss40: v40 }, 'qualitative')).toEqual({ level: undefined, scores: [], text: '' })
  })
})

describe('the severity an advisory publishes', () => {
  it('carries both valid vectors in canonical order and the preferred one’s rating as its level', () => {
    expect(publicSeverity({ cvss40: v40medium, cvss31: v31ten, qualitative: 'low' }, 'both')).toEqual({
      cvss40: v40medium,
      cvss31: v31ten,
      qualitative: 'medium',
    })
    expect(publicSeverity({ cvss31: 'CVSS:3.1/A:L/I:L/C:H/S:U/UI:N/PR:N/AC:H/AV:N' }, 'both')).toEqual({
      cvss31: v31high,
      qualitative: 'high',
    })
  })

  it('takes the level of the CVSS 3.1 score when that is the only valid vector', () => {
    expect(publicSeverity({ cvss40: 'CVSS:4.0/AV:N', cvss31: v31low, qualitative: 'critical' }, 'both')).toEqual({
      cvss31: v31low,
      qualitative: 'low',
    })
  })

  it('publishes no level for a score of 0.0, whatever was chosen by hand', () => {
    expect(publicSeverity({ cvss40: v40none, qualitative: 'high' }, 'cvss4')).toStrictEqual({ cvss40: v40none })
    expect(publicSeverity({ cvss31: v31none, qualitative: 'high' }, 'both')).toStrictEqual({ cvss31: v31none })
  })

  it('keeps the level chosen by hand when no vector the policy scores is valid, and publishes nothing when there is none', () => {
    expect(publicSeverity({ cvss40: v40, qualitative: 'high' }, 'cvss3.1')).toEqual({ qualitative: 'high' })
    expect(publicSeverity({ cvss31: v31ten }, 'cvss4')).toStrictEqual({})
    expect(publicSeverity({}, 'both')).toStrictEqual({})
  })
})

describe('the level the per-severity clocks get', () => {
  it('is the preferred vector’s rating, never the level chosen by hand, and none for 0.0', () => {
    expect(levelFromVectors({ cvss40: v40medium, cvss31: v31ten }, 'both')).toBe('medium')
    expect(levelFromVectors({ cvss40: v40medium, cvss31: v31ten }, 'cvss3.1')).toBe('critical')
    expect(levelFromVectors({ qualitative: 'high' }, 'both')).toBeUndefined()
    expect(levelFromVectors({ cvss40: v40none, cvss31: v31ten }, 'both')).toBeUndefined()
    expect(levelFromVectors({ cvss40: v40 }, 'qualitative')).toBeUndefined()
  })
})

describe('the calculator form', () => {
  it('posts one radio group per metric, offering "not defined" only for optional metrics', () => {
    const fields31 = cvssFormFields('3.1')
    expect(fields31).toHaveLength(22)
    expect(fields31[0]).toEqual({ name: 'cvss31_AV', values: ['N', 'A', 'L', 'P'] })
    expect(fields31.find((f) => f.name === 'cvss31_E')).toEqual({ name: 'cvss31_E', values: ['X', 'H', 'F', 'P', 'U'] })
    const fields40 = cvssFormFields('4.0')
    expect(fields40).toHaveLength(32)
    expect(fields40.find((f) => f.name === 'cvss40_U')).toEqual({ name: 'cvss40_U', values: ['X', 'Clear', 'Green', 'Amber', 'Red'] })
    expect(cvssFieldName('4.0', 'MSI')).toBe('cvss40_MSI')
  })

  it('is pre-filled with the stored vector’s metrics, and empty without a valid one', () => {
    expect(formValuesFromVector('3.1', `${v31high}/E:P`)).toEqual({
      AV: 'N',
      AC: 'H',
      PR: 'N',
      UI: 'N',
      S: 'U',
      C: 'H',
      I: 'L',
      A: 'L',
      E: 'P',
    })
    for (const none of [undefined, null, '', 'CVSS:3.1/AV:N', v40]) expect(formValuesFromVector('3.1', none), String(none)).toEqual({})
  })

  const posted = (version: '3.1' | '4.0', vector: string) =>
    Object.fromEntries(Object.entries(formValuesFromVector(version, vector)).map(([k, v]) => [cvssFieldName(version, k), v]))

  it('sets the vector of each version the policy scores, ignoring values that are not text, empty or "not defined"', () => {
    expect(vectorsFromForm('cvss4', posted('4.0', v40))).toEqual({ ok: true, value: { cvss40: v40 } })
    expect(vectorsFromForm('cvss3.1', { ...posted('3.1', v31high), cvss31_E: 'X', cvss31_RL: '', cvss31_RC: ['C'], cvss31_CR: 3 })).toEqual(
      {
        ok: true,
        value: { cvss31: v31high },
      },
    )
    expect(vectorsFromForm('both', { ...posted('4.0', v40), ...posted('3.1', v31high) })).toEqual({
      ok: true,
      value: { cvss40: v40, cvss31: v31high },
    })
    expect(vectorsFromForm('both', {})).toEqual({ ok: true, value: { cvss40: null, cvss31: null } })
    // A calculator left empty (every group on "not defined" or nothing) clears the vector.
    const untouched = Object.fromEntries(cvssFormFields('3.1').map((f, i) => [f.name, i % 2 ? 'X' : '']))
    expect(vectorsFromForm('cvss3.1', untouched)).toEqual({ ok: true, value: { cvss31: null } })
  })

  it('names the version and metric a half-filled calculator lacks or got wrong', () => {
    expect(vectorsFromForm('both', { ...posted('4.0', v40), cvss31_AV: 'N' })).toEqual({
      ok: false,
      error: { code: 'CVSS_INVALID_VECTOR', reason: 'missing-base-metric', metric: 'AC', version: '3.1' },
    })
    expect(vectorsFromForm('cvss3.1', { ...posted('3.1', v31high), cvss31_AV: 'X' })).toEqual({
      ok: false,
      error: { code: 'CVSS_INVALID_VECTOR', reason: 'missing-base-metric', metric: 'AV', version: '3.1' },
    })
    expect(vectorsFromForm('cvss3.1', { ...posted('3.1', v31high), cvss31_AV: 'Q' })).toEqual({
      ok: false,
      error: { code: 'CVSS_INVALID_VECTOR', reason: 'invalid-value', metric: 'AV', version: '3.1' },
    })
  })
})
