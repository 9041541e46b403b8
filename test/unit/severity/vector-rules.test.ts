/**
 * CVSS vectors as a team member types or pastes them (src/domain/severity/cvss-vector.ts,
 * cvss-score.ts): what is accepted, the reason shown for what is refused, the canonical form
 * the exports carry, and the score and rating the report page shows.
 */
import { describe, expect, it } from 'vitest'
import { cvssMetrics } from '../../../src/domain/severity/cvss-metrics.js'
import { ratingOf, scoreCvss31, scoreCvss40 } from '../../../src/domain/severity/cvss-score.js'
import {
  canonicalVector,
  cvssVersionOf,
  maxVectorLength,
  metricsFromVector,
  vectorFromMetrics,
} from '../../../src/domain/severity/cvss-vector.js'

const v31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'
const refused = (reason: string, metric?: string) => ({
  ok: false,
  error: { code: 'CVSS_INVALID_VECTOR', reason, ...(metric ? { metric } : {}) },
})

describe('which version a pasted vector is', () => {
  it('is named by its prefix and the slash after it', () => {
    expect(cvssVersionOf(v31)).toBe('3.1')
    expect(cvssVersionOf(v40)).toBe('4.0')
    for (const other of ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1', 'CVSS:4.0', 'CVSS:3.1AV:N', 'AV:N/AC:L', ''])
      expect(cvssVersionOf(other), other).toBeUndefined()
  })
})

describe('a vector read strictly', () => {
  it('is refused when longer than 300 characters, before anything else is looked at', () => {
    const padded = (length: number) => `CVSS:3.1/${'x'.repeat(length - 'CVSS:3.1/'.length)}`
    expect(maxVectorLength).toBe(300)
    expect(metricsFromVector('3.1', padded(300))).toEqual(refused('syntax'))
    expect(metricsFromVector('3.1', padded(301))).toEqual(refused('too-long'))
    expect(metricsFromVector('4.0', `AV:N${'/AV:N'.repeat(60)}`)).toEqual(refused('too-long'))
  })

  it("is refused without its version's prefix and slash", () => {
    expect(metricsFromVector('3.1', v40)).toEqual(refused('prefix'))
    expect(metricsFromVector('4.0', v31)).toEqual(refused('prefix'))
    expect(metricsFromVector('3.1', v31.replace('CVSS:3.1/', 'CVSS:3.1'))).toEqual(refused('prefix'))
    expect(metricsFromVector('3.1', v31.replace('CVSS:3.1/', 'cvss:3.1/'))).toEqual(refused('prefix'))
  })

  it('is refused when a part is not an upper-case metric of up to 3 letters, a colon and a value of up to 6 letters', () => {
    for (const part of ['', 'av:N', 'xAV:N', 'AV:N1', 'AV:N ', ' AV:N', 'AV=N', 'AV:', ':N', 'AVXX:N', 'AV:Purples', 'AV:N:L', '1V:N'])
      expect(metricsFromVector('3.1', `${v31}/${part}`), JSON.stringify(part)).toEqual(refused('syntax'))
    expect(metricsFromVector('3.1', `${v31}/`)).toEqual(refused('syntax'))
  })

  it('names an unknown metric, a repeated one, a value the metric does not take, and the first missing base metric', () => {
    expect(metricsFromVector('3.1', `${v31}/MAT:N`)).toEqual(refused('unknown-metric', 'MAT'))
    expect(metricsFromVector('3.1', `${v31}/E:P/E:P`)).toEqual(refused('duplicate-metric', 'E'))
    expect(metricsFromVector('3.1', `${v31}/E:X/E:P`)).toEqual({ ok: true, value: expect.objectContaining({ E: 'P' }) })
    expect(metricsFromVector('3.1', v31.replace('AV:N', 'AV:n'))).toEqual(refused('invalid-value', 'AV'))
    expect(metricsFromVector('4.0', `${v40}/U:Purple`)).toEqual(refused('invalid-value', 'U'))
    expect(metricsFromVector('3.1', 'CVSS:3.1/C:H/I:H/A:H')).toEqual(refused('missing-base-metric', 'AV'))
  })

  it('takes "X" (not defined) for an optional metric and leaves it out, but never for a base metric', () => {
    expect(metricsFromVector('3.1', `${v31}/E:X/CR:X`)).toEqual({
      ok: true,
      value: { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' },
    })
    expect(metricsFromVector('3.1', v31.replace('AV:N', 'AV:X'))).toEqual(refused('invalid-value', 'AV'))
    expect(metricsFromVector('4.0', `${v40}/U:Clear/E:A`)).toMatchObject({ ok: true, value: { U: 'Clear', E: 'A' } })
  })
})

describe('a vector written from chosen metrics', () => {
  const base31 = { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' }

  it("is in the specification's order, leaving out metrics not defined", () => {
    expect(vectorFromMetrics('3.1', { E: 'P', ...base31, RL: 'X', RC: '', CR: undefined, MAV: 'L' })).toEqual({
      ok: true,
      value: `${v31}/E:P/MAV:L`,
    })
  })

  it('names a base metric left empty, undefined or missing, and a value the metric does not take', () => {
    expect(vectorFromMetrics('3.1', { ...base31, AV: '' })).toEqual(refused('missing-base-metric', 'AV'))
    expect(vectorFromMetrics('3.1', { ...base31, AC: undefined })).toEqual(refused('missing-base-metric', 'AC'))
    expect(vectorFromMetrics('3.1', { ...base31, AV: 'X' })).toEqual(refused('invalid-value', 'AV'))
    expect(vectorFromMetrics('3.1', { ...base31, E: 'Q' })).toEqual(refused('invalid-value', 'E'))
  })

  it('makes any accepted vector canonical, and passes on the reason of a refused one', () => {
    expect(canonicalVector('3.1', 'CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N/E:X')).toEqual({ ok: true, value: v31 })
    expect(canonicalVector('3.1', `${v31}/AV:N`)).toEqual(refused('duplicate-metric', 'AV'))
  })

  it('offers in the calculator every metric of a version, grouped as the specification groups them', () => {
    const groups = (version: '3.1' | '4.0') => [...new Set(cvssMetrics(version).map((m) => `${m.group}:${m.required}`))]
    expect(groups('3.1')).toEqual(['base:true', 'temporal:false', 'environmental:false'])
    expect(groups('4.0')).toEqual(['base:true', 'threat:false', 'environmental:false', 'supplemental:false'])
    expect(cvssMetrics('4.0').find((m) => m.key === 'MSI')).toEqual({
      key: 'MSI',
      values: ['S', 'H', 'L', 'N'],
      group: 'environmental',
      required: false,
    })
  })
})

describe('the score and rating shown', () => {
  it("follow FIRST's qualitative scale at each boundary", () => {
    const cases: [string, number, string][] = [
      ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N', 0, 'none'],
      ['CVSS:3.1/AV:P/AC:H/PR:H/UI:N/S:U/C:L/I:N/A:N', 1.6, 'low'],
      ['CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L', 3.9, 'low'],
      ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:L/I:N/A:N', 4, 'medium'],
      ['CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:L/A:N', 6.9, 'medium'],
      ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:L', 7, 'high'],
      ['CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:L', 8.9, 'high'],
      ['CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:H', 9, 'critical'],
      ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10, 'critical'],
    ]
    for (const [vector, baseScore, rating] of cases) expect(scoreCvss31(vector), vector).toMatchObject({ value: { baseScore, rating } })
    expect([0.1, 3.95, 4, 6.95, 7, 8.95, 9].map(ratingOf)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical'])
  })

  it('CVSS 3.1: the temporal and environmental scores appear only when such metrics are defined', () => {
    expect(scoreCvss31(`${v31}/E:P`)).toEqual({
      ok: true,
      value: { version: '3.1', vector: `${v31}/E:P`, baseScore: 9.8, rating: 'critical', temporalScore: 9.3 },
    })
    expect(scoreCvss31(`${v31}/CR:L/IR:L/AR:L`)).toEqual({
      ok: true,
      value: { version: '3.1', vector: `${v31}/CR:L/IR:L/AR:L`, baseScore: 9.8, rating: 'critical', environmentalScore: 8 },
    })
    expect(scoreCvss31(`${v31}/MAV:L`)).toMatchObject({ value: { environmentalScore: 8.4 } })
    expect(scoreCvss31(`${v31}/E:X/CR:X`)).toEqual({ ok: true, value: { version: '3.1', vector: v31, baseScore: 9.8, rating: 'critical' } })
    expect(scoreCvss31('CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L/E:U')).toMatchObject({ value: { baseScore: 3.9, temporalScore: 3.6 } })
  })

  it('CVSS 4.0: one score, rated, with the nomenclature of the metrics it used', () => {
    expect(scoreCvss40(`${v40}/E:U`)).toEqual({
      ok: true,
      value: { version: '4.0', vector: `${v40}/E:U`, score: 8.1, rating: 'high', nomenclature: 'CVSS-BT' },
    })
    expect(scoreCvss40(`${v40}/CR:L`)).toMatchObject({ value: { score: 9.3, nomenclature: 'CVSS-BE' } })
    expect(scoreCvss40(`${v40}/MAV:L/E:P`)).toMatchObject({ value: { vector: `${v40}/E:P/MAV:L`, score: 7.3, nomenclature: 'CVSS-BTE' } })
    expect(scoreCvss40('CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:H/SA:N')).toMatchObject({
      value: { score: 4, rating: 'medium' },
    })
    expect(scoreCvss40('CVSS:4.0/AV:P/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N')).toMatchObject({
      value: { score: 0, rating: 'none' },
    })
  })

  it('refuses to score a vector it does not accept, with the reason', () => {
    expect(scoreCvss40(`${v40}/AV:N`)).toEqual(refused('duplicate-metric', 'AV'))
    expect(scoreCvss31(v40)).toEqual(refused('prefix'))
  })
})
