/**
 * CVSS vector strings, read strictly: the version prefix, then `metric:value` pairs separated by
 * "/", each metric of that version at most once, each value one the specification allows, every
 * base metric present. The scoring library is lenient (it takes a repeated metric, or a value of
 * another version), so vectors are checked here before it sees them, and written back in the
 * specification's order so that exports (CVE JSON 5, OSV, CSAF) carry the canonical form.
 */
import { fail, ok, type Result } from '../result.js'
import { type CvssVersion, cvssMetrics, cvssPrefix } from './cvss-metrics.js'

/** The longest vector accepted: every metric of CVSS 4.0 written out is under 200 characters. */
export const maxVectorLength = 300

export type CvssVectorError =
  | { code: 'CVSS_INVALID_VECTOR'; reason: 'too-long' | 'prefix' | 'syntax' }
  | { code: 'CVSS_INVALID_VECTOR'; reason: 'unknown-metric' | 'duplicate-metric' | 'invalid-value' | 'missing-base-metric'; metric: string }

/** Metric short name → value, only the metrics a vector defines (never "X"). */
export type CvssMetricValues = Record<string, string>

const invalid = (reason: 'too-long' | 'prefix' | 'syntax') => fail({ code: 'CVSS_INVALID_VECTOR' as const, reason })
const invalidMetric = (reason: 'unknown-metric' | 'duplicate-metric' | 'invalid-value' | 'missing-base-metric', metric: string) =>
  fail({ code: 'CVSS_INVALID_VECTOR' as const, reason, metric })

/** The version a vector names in its prefix, if it is one Embargo scores. */
export function cvssVersionOf(vector: string): CvssVersion | undefined {
  if (vector.startsWith(`${cvssPrefix['3.1']}/`)) return '3.1'
  if (vector.startsWith(`${cvssPrefix['4.0']}/`)) return '4.0'
  return undefined
}

/** Reads a vector of `version` into its metrics, refusing anything the specification does not allow. */
export function metricsFromVector(version: CvssVersion, vector: string): Result<CvssMetricValues, CvssVectorError> {
  if (vector.length > maxVectorLength) return invalid('too-long')
  const prefix = `${cvssPrefix[version]}/`
  if (!vector.startsWith(prefix)) return invalid('prefix')
  const known = new Map(cvssMetrics(version).map((metric) => [metric.key, metric]))
  const values: CvssMetricValues = {}
  for (const part of vector.slice(prefix.length).split('/')) {
    const match = /^([A-Z]{1,3}):([A-Za-z]{1,6})$/.exec(part)
    if (!match) return invalid('syntax')
    const [, key = '', value = ''] = match
    const metric = known.get(key)
    if (!metric) return invalidMetric('unknown-metric', key)
    if (Object.hasOwn(values, key)) return invalidMetric('duplicate-metric', key)
    if (value === 'X' && !metric.required) continue
    if (!metric.values.includes(value)) return invalidMetric('invalid-value', key)
    values[key] = value
  }
  for (const metric of known.values())
    if (metric.required && !Object.hasOwn(values, metric.key)) return invalidMetric('missing-base-metric', metric.key)
  return ok(values)
}

/**
 * Writes metrics as a vector in the specification's order, leaving out metrics that are not
 * defined ("X" or absent). Refuses a value the metric does not take and a missing base metric.
 */
export function vectorFromMetrics(
  version: CvssVersion,
  metrics: Readonly<Record<string, string | undefined>>,
): Result<string, CvssVectorError> {
  const parts: string[] = [cvssPrefix[version]]
  for (const metric of cvssMetrics(version)) {
    const value = metrics[metric.key]
    if (value === undefined || value === '' || (value === 'X' && !metric.required)) {
      if (metric.required) return invalidMetric('missing-base-metric', metric.key)
      continue
    }
    if (!metric.values.includes(value)) return invalidMetric('invalid-value', metric.key)
    parts.push(`${metric.key}:${value}`)
  }
  return ok(parts.join('/'))
}

/** A vector in the specification's order (the same metrics), or the reason it is not a valid vector. */
export function canonicalVector(version: CvssVersion, vector: string): Result<string, CvssVectorError> {
  const metrics = metricsFromVector(version, vector)
  return metrics.ok ? vectorFromMetrics(version, metrics.value) : metrics
}
