import { describe, expect, it } from 'vitest'
import { cvssFieldName, formValuesFromVector, vectorsFromForm } from '../../../src/domain/severity/cvss-form.js'
import { scoreCvss31, scoreCvss40 } from '../../../src/domain/severity/cvss-score.js'
import { metricsFromVector, vectorFromMetrics } from '../../../src/domain/severity/cvss-vector.js'
import { levelFromVectors, publicSeverity, scoringOf, severityLabel } from '../../../src/domain/severity/scoring.js'

const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'
const v31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'

describe('CVSS scoring', () => {
  it('scores a CVSS 4.0 vector with its rating and nomenclature', () => {
    expect(scoreCvss40(v40)).toEqual({
      ok: true,
      value: { version: '4.0', vector: v40, score: 9.3, rating: 'critical', nomenclature: 'CVSS-B' },
    })
  })

  it('scores a CVSS 3.1 vector with its base score, and temporal score when it has temporal metrics', () => {
    expect(scoreCvss31(v31)).toEqual({ ok: true, value: { version: '3.1', vector: v31, baseScore: 9.8, rating: 'critical' } })
    const t = scoreCvss31(`${v31}/E:U/RL:O/RC:R`)
    expect(t.ok && t.value.temporalScore).toBe(8.2)
  })

  it('writes a vector given in another order back in the specification order', () => {
    const s = scoreCvss31('CVSS:3.1/AC:L/AV:N/PR:N/UI:N/S:U/C:H/I:H/A:H')
    expect(s.ok && s.value.vector).toBe(v31)
  })

  it.each([
    ['no prefix', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', { reason: 'prefix' }],
    ['a repeated metric (the library would take the last)', `${v31}/AV:L`, { reason: 'duplicate-metric', metric: 'AV' }],
    ['a missing base metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', { reason: 'missing-base-metric', metric: 'A' }],
    ['a value the metric does not take', 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', { reason: 'invalid-value', metric: 'AV' }],
    ['a metric of another version', `${v31}/AT:N`, { reason: 'unknown-metric', metric: 'AT' }],
    ['garbage', 'CVSS:3.1/<script>', { reason: 'syntax' }],
  ])('refuses a CVSS 3.1 vector with %s', (_, vector, error) => {
    expect(scoreCvss31(vector)).toEqual({ ok: false, error: { code: 'CVSS_INVALID_VECTOR', ...error } })
  })

  it('refuses a CVSS 4.0 vector with Safety in a base metric (only modified subsequent metrics take S)', () => {
    expect(scoreCvss40(v40.replace('SC:N', 'SC:S'))).toEqual({
      ok: false,
      error: { code: 'CVSS_INVALID_VECTOR', reason: 'invalid-value', metric: 'SC' },
    })
  })

  it('turns metrics into a vector and back', () => {
    const metrics = metricsFromVector('4.0', `${v40}/E:P/S:P/U:Amber`)
    expect(metrics.ok && metrics.value.U).toBe('Amber')
    expect(metrics.ok && vectorFromMetrics('4.0', metrics.value)).toEqual({ ok: true, value: `${v40}/E:P/S:P/U:Amber` })
  })
})

describe('severity as the policy scores it', () => {
  const severity = { cvss40: v40, cvss31: v31, qualitative: 'medium' as const }

  it('scores both CVSS versions when the policy says nothing', () => {
    expect(scoringOf({})).toBe('both')
    expect(severityLabel(severity, 'both').text).toBe('Critical (CVSS 4.0 9.3, CVSS 3.1 9.8)')
  })

  it('under qualitative scoring shows and publishes no number and no vector', () => {
    const label = severityLabel(severity, 'qualitative')
    expect(label).toEqual({ level: 'medium', scores: [], text: 'Medium' })
    expect(publicSeverity(severity, 'qualitative')).toEqual({ qualitative: 'medium' })
    expect(JSON.stringify(publicSeverity(severity, 'qualitative'))).not.toMatch(/\d/)
  })

  it('publishes only the version the policy scores, and the level its score gives', () => {
    expect(publicSeverity(severity, 'cvss3.1')).toEqual({ cvss31: v31, qualitative: 'critical' })
    expect(publicSeverity(severity, 'cvss4')).toEqual({ cvss40: v40, qualitative: 'critical' })
  })

  it('never publishes an invalid stored vector', () => {
    expect(publicSeverity({ cvss40: 'CVSS:4.0/AV:N', qualitative: 'low' }, 'cvss4')).toEqual({ qualitative: 'low' })
  })

  it('gives a report the level of its preferred vector, and none for a 0.0 score', () => {
    expect(levelFromVectors({ cvss31: v31 }, 'both')).toBe('critical')
    expect(levelFromVectors({ cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N' }, 'both')).toBeUndefined()
  })
})

describe('the calculator form', () => {
  const form = (vector: string, version: '3.1' | '4.0') =>
    Object.fromEntries(Object.entries(formValuesFromVector(version, vector)).map(([k, v]) => [cvssFieldName(version, k), v]))

  it('turns posted metrics into the vectors the policy scores, clearing a version left empty', () => {
    expect(vectorsFromForm('both', { ...form(v40, '4.0'), cvss40_E: 'X' })).toEqual({ ok: true, value: { cvss40: v40, cvss31: null } })
    expect(vectorsFromForm('cvss3.1', { ...form(v31, '3.1'), ...form(v40, '4.0') })).toEqual({ ok: true, value: { cvss31: v31 } })
  })

  it('names the missing base metric of a half-filled calculator', () => {
    expect(vectorsFromForm('cvss4', { cvss40_AV: 'N' })).toEqual({
      ok: false,
      error: { code: 'CVSS_INVALID_VECTOR', reason: 'missing-base-metric', metric: 'AC', version: '4.0' },
    })
  })

  it('is refused under qualitative scoring', () => {
    expect(vectorsFromForm('qualitative', form(v40, '4.0'))).toEqual({ ok: false, error: { code: 'SEVERITY_NOT_SCORED' } })
  })
})
