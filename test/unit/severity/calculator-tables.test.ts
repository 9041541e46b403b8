/**
 * The CVSS tables and module-level rules a team member meets on every report page: the metrics and
 * values of FIRST's CVSS 3.1 and 4.0 specifications in the calculator, the field names the form
 * posts, the one-decimal scores, the default scoring and the capitalized level.
 *
 * Each test imports its module itself (`await import`), in dependency order, so that it is the test
 * that loads the module: mutation testing (`npm run mutate`) re-runs a mutant of a module-level
 * table or helper only against the tests that were running when the module loaded. Imported at the
 * top of the file, the tables would be loaded by whichever test first imports them (another file's
 * `await import`), and a wrong value in them would go unnoticed.
 */
import { describe, expect, it } from 'vitest'

/** A group as the specification lists it: "AV:N,A,L,P AC:L,H …". */
const group = (id: string, required: boolean, metrics: string) => ({
  id,
  required,
  metrics: metrics.split(' ').map((m) => {
    const [key = '', values = ''] = m.split(':')
    return { key, values: values.split(',') }
  }),
})

/** CVSS v3.1 Specification Document, section 2–4 and Table 16 (values without "X", most severe first). */
const cvss31 = [
  group('base', true, 'AV:N,A,L,P AC:L,H PR:N,L,H UI:N,R S:U,C C:H,L,N I:H,L,N A:H,L,N'),
  group('temporal', false, 'E:H,F,P,U RL:U,W,T,O RC:C,R,U'),
  group('environmental', false, 'CR:H,M,L IR:H,M,L AR:H,M,L MAV:N,A,L,P MAC:L,H MPR:N,L,H MUI:N,R MS:U,C MC:H,L,N MI:H,L,N MA:H,L,N'),
]

/** CVSS v4.0 Specification Document, section 7 (the vector string's order). */
const cvss40 = [
  group('base', true, 'AV:N,A,L,P AC:L,H AT:N,P PR:N,L,H UI:N,P,A VC:H,L,N VI:H,L,N VA:H,L,N SC:H,L,N SI:H,L,N SA:H,L,N'),
  group('threat', false, 'E:A,P,U'),
  group(
    'environmental',
    false,
    'CR:H,M,L IR:H,M,L AR:H,M,L MAV:N,A,L,P MAC:L,H MAT:N,P MPR:N,L,H MUI:N,P,A MVC:H,L,N MVI:H,L,N MVA:H,L,N MSC:H,L,N MSI:S,H,L,N MSA:S,H,L,N',
  ),
  group('supplemental', false, 'S:N,P AU:N,Y R:A,U,I V:D,C RE:L,M,H U:Clear,Green,Amber,Red'),
]

const v31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'

describe('the CVSS calculator', () => {
  it("offers exactly the metrics and values of FIRST's specifications, grouped and ordered as the vector writes them", async () => {
    const { cvssMetricGroups, cvssPrefix, cvssVersions } = await import('../../../src/domain/severity/cvss-metrics.js')
    expect(cvssVersions).toEqual(['3.1', '4.0'])
    expect(cvssPrefix).toEqual({ '3.1': 'CVSS:3.1', '4.0': 'CVSS:4.0' })
    expect(cvssMetricGroups['3.1']).toEqual(cvss31)
    expect(cvssMetricGroups['4.0']).toEqual(cvss40)
  })

  it('reads a vector into its metrics, or names the reason and the metric it refuses', async () => {
    const { metricsFromVector } = await import('../../../src/domain/severity/cvss-vector.js')
    expect(metricsFromVector('3.1', `${v31}/E:P`)).toEqual({
      ok: true,
      value: { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H', E: 'P' },
    })
    expect(metricsFromVector('3.1', 'CVSS:3.0/AV:N')).toEqual({ ok: false, error: { code: 'CVSS_INVALID_VECTOR', reason: 'prefix' } })
    expect(metricsFromVector('3.1', `${v31}/XX:Y`)).toEqual({
      ok: false,
      error: { code: 'CVSS_INVALID_VECTOR', reason: 'unknown-metric', metric: 'XX' },
    })
  })

  it('shows scores with one decimal', async () => {
    const { scoreCvss31, scoreCvss40 } = await import('../../../src/domain/severity/cvss-score.js')
    expect(scoreCvss31(`${v31}/E:P/MAV:L`)).toMatchObject({ value: { baseScore: 9.8, temporalScore: 9.3, environmentalScore: 7.9 } })
    expect(scoreCvss40(v40)).toMatchObject({ value: { score: 9.3 } })
  })

  it('scores both versions unless the policy says otherwise, and shows the level capitalized beside the scores', async () => {
    const { defaultScoring, levelDefinitions, scoringOf, severityLabel } = await import('../../../src/domain/severity/scoring.js')
    expect(defaultScoring).toBe('both')
    expect(scoringOf({})).toBe('both')
    expect(scoringOf({ severity: { scoring: 'cvss4' } } as never)).toBe('cvss4')
    expect(
      levelDefinitions({ severity: { scoring: 'both', levels: [{ level: 'high', definition: 'Data of others.' }] } } as never),
    ).toEqual({
      high: 'Data of others.',
    })
    expect(severityLabel({ cvss40: v40, cvss31: v31 }, 'both').text).toBe('Critical (CVSS 4.0 9.3, CVSS 3.1 9.8)')
    expect(severityLabel({ qualitative: 'medium' }, 'qualitative').text).toBe('Medium')
  })

  it('posts each metric in a field named by version and metric', async () => {
    const { cvssFieldName, cvssFormFields } = await import('../../../src/domain/severity/cvss-form.js')
    expect(cvssFieldName('3.1', 'AV')).toBe('cvss31_AV')
    expect(cvssFieldName('4.0', 'MSI')).toBe('cvss40_MSI')
    expect(
      cvssFormFields('4.0')
        .map((f) => f.name)
        .slice(0, 3),
    ).toEqual(['cvss40_AV', 'cvss40_AC', 'cvss40_AT'])
  })
})
