/**
 * Conformance: every vector of the published test sets in ../shared/standards/cvss (Red Hat's
 * cvss library test vectors, checked against FIRST's calculators) scores exactly as listed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scoreCvss31, scoreCvss40 } from '../../../src/domain/severity/cvss-score.js'
import { standard } from '../../support/standards.js'

const cvss = standard('cvss')
if (!cvss.present) console.warn(cvss.reason)

interface V31 {
  vector: string
  baseScore: number
  baseSeverity: string
}
interface V40 {
  vector: string
  score: number
  severity: string
  set: string
}
const read = <T>(file: string) => JSON.parse(readFileSync(join(cvss.dir, file), 'utf8')) as { count: number; vectors: T[] }

describe.skipIf(!cvss.present)(`CVSS scores agree with the official test vectors in ${cvss.dir}`, () => {
  it('every CVSS 3.1 base vector (2,592) gets the listed base score and severity', () => {
    const { count, vectors } = read<V31>('cvss-v3.1-base-vectors.json')
    expect(vectors).toHaveLength(count)
    expect(count).toBe(2592)
    const disagreements = vectors.flatMap((v) => {
      const scored = scoreCvss31(v.vector)
      if (!scored.ok) return [`${v.vector}: refused (${JSON.stringify(scored.error)})`]
      const got = { score: scored.value.baseScore, severity: scored.value.rating.toUpperCase() }
      return got.score === v.baseScore && got.severity === v.baseSeverity
        ? []
        : [`${v.vector}: ${JSON.stringify(got)} ≠ ${v.baseScore} ${v.baseSeverity}`]
    })
    expect(disagreements).toEqual([])
  })

  it('every CVSS 4.0 vector (1,694: base, threat, environmental, supplemental) gets the listed score and severity', () => {
    const { count, vectors } = read<V40>('cvss-v4.0-vectors.json')
    expect(vectors).toHaveLength(count)
    expect(count).toBe(1694)
    const disagreements = vectors.flatMap((v) => {
      const scored = scoreCvss40(v.vector)
      if (!scored.ok) return [`${v.vector} (${v.set}): refused (${JSON.stringify(scored.error)})`]
      const got = { score: scored.value.score, severity: scored.value.rating.toUpperCase() }
      return got.score === v.score && got.severity === v.severity
        ? []
        : [`${v.vector} (${v.set}): ${JSON.stringify(got)} ≠ ${v.score} ${v.severity}`]
    })
    expect(disagreements).toEqual([])
  })
})
