/**
 * CVSS scores, computed by `ae-cvss-calculator` (a maintained implementation of FIRST's CVSS 3.1
 * equations and CVSS 4.0 macro-vector lookup) from a vector checked strictly first (cvss-vector.ts),
 * which has every base metric with a value other than "X": the library always scores a complete base.
 * Scores are never stored: they follow from the vector every time.
 */
import aeCvss from 'ae-cvss-calculator'
import { ok, type Result } from '../result.js'
import { type CvssVectorError, canonicalVector } from './cvss-vector.js'

const { Cvss3P1, Cvss4P0 } = aeCvss

/** FIRST's qualitative severity rating scale (the same for CVSS 3.1 and 4.0). */
export const cvssRatings = ['none', 'low', 'medium', 'high', 'critical'] as const
export type CvssRating = (typeof cvssRatings)[number]

export function ratingOf(score: number): CvssRating {
  if (score === 0) return 'none'
  if (score < 4) return 'low'
  if (score < 7) return 'medium'
  if (score < 9) return 'high'
  return 'critical'
}

export interface Cvss31Score {
  version: '3.1'
  /** The vector in the specification's order. */
  vector: string
  baseScore: number
  /** The base score's rating: what an advisory publishes as the CVSS 3.1 severity. */
  rating: CvssRating
  /** Present when the vector has temporal, resp. environmental, metrics. */
  temporalScore?: number
  environmentalScore?: number
}

export interface Cvss40Score {
  version: '4.0'
  vector: string
  /** The score of the whole vector (CVSS 4.0 has one score; the nomenclature says which metrics it used). */
  score: number
  rating: CvssRating
  /** CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE. */
  nomenclature: string
}

const round1 = (n: number) => Math.round(n * 10) / 10

export function scoreCvss31(vector: string): Result<Cvss31Score, CvssVectorError> {
  const canonical = canonicalVector('3.1', vector)
  if (!canonical.ok) return canonical
  const cvss = new Cvss3P1(canonical.value)
  const scores = cvss.calculateScores()
  const baseScore = round1(scores.base ?? 0)
  return ok({
    version: '3.1',
    vector: canonical.value,
    baseScore,
    rating: ratingOf(baseScore),
    ...(cvss.isAnyTemporalDefined() && scores.temporal !== undefined ? { temporalScore: round1(scores.temporal) } : {}),
    ...(cvss.isAnyEnvironmentalDefined() && scores.environmental !== undefined ? { environmentalScore: round1(scores.environmental) } : {}),
  })
}

export function scoreCvss40(vector: string): Result<Cvss40Score, CvssVectorError> {
  const canonical = canonicalVector('4.0', vector)
  if (!canonical.ok) return canonical
  const cvss = new Cvss4P0(canonical.value)
  const score = round1(cvss.calculateScores().overall)
  return ok({ version: '4.0', vector: canonical.value, score, rating: ratingOf(score), nomenclature: cvss.getNomenclature() })
}
