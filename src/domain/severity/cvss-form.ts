/**
 * The calculator's form, read on the server: one radio group per metric, named
 * `cvss40_AV`, `cvss31_AC`…, each posting the metric's value ("X" or nothing for an optional
 * metric left undefined). A version whose metrics are all left empty is cleared; a version with
 * some metrics chosen must have every base metric.
 */
import { fail, ok, type Result } from '../result.js'
import { type CvssVersion, cvssMetrics } from './cvss-metrics.js'
import { type CvssMetricValues, type CvssVectorError, metricsFromVector, vectorFromMetrics } from './cvss-vector.js'
import { type SeverityScoring, scoredVersions } from './scoring.js'

/** The form field of one metric, e.g. `cvss40_AV`. */
export const cvssFieldName = (version: CvssVersion, metric: string) => `cvss${version.replace('.', '')}_${metric}`

/** Every field the calculator of `version` posts, with the values it may carry ("X" for an optional metric left undefined). */
export const cvssFormFields = (version: CvssVersion) =>
  cvssMetrics(version).map((metric) => ({
    name: cvssFieldName(version, metric.key),
    values: metric.required ? metric.values : ['X', ...metric.values],
  }))

/** The calculator's pre-filled values: the vector's metrics, or none when there is no valid vector. */
export function formValuesFromVector(version: CvssVersion, vector: string | null | undefined): CvssMetricValues {
  if (!vector) return {}
  const metrics = metricsFromVector(version, vector)
  return metrics.ok ? metrics.value : {}
}

export type CvssFormError = (CvssVectorError & { version: CvssVersion }) | { code: 'SEVERITY_NOT_SCORED' }

/** The vectors a posted calculator form sets: a vector, or null to clear it, for each version the scoring offers. */
export type CvssFormVectors = Partial<Record<'cvss31' | 'cvss40', string | null>>

export function vectorsFromForm(scoring: SeverityScoring, form: Readonly<Record<string, unknown>>): Result<CvssFormVectors, CvssFormError> {
  const versions = scoredVersions(scoring)
  if (versions.length === 0) return fail({ code: 'SEVERITY_NOT_SCORED' })
  const out: CvssFormVectors = {}
  for (const version of versions) {
    const metrics: Record<string, string> = {}
    for (const metric of cvssMetrics(version)) {
      const value = form[cvssFieldName(version, metric.key)]
      if (typeof value === 'string' && value !== '' && value !== 'X') metrics[metric.key] = value
    }
    const key = version === '4.0' ? 'cvss40' : 'cvss31'
    if (Object.keys(metrics).length === 0) {
      out[key] = null
      continue
    }
    const vector = vectorFromMetrics(version, metrics)
    if (!vector.ok) return fail({ ...vector.error, version })
    out[key] = vector.value
  }
  return ok(out)
}
