/**
 * The one place the exports score CVSS vectors: a thin adapter over `ae-cvss-calculator` that the
 * severity feature's scoring functions can replace. It turns a vector into the CVSS JSON object
 * (FIRST's cvss-v3.1 / cvss-v4.0 schema shape) that CVE JSON 5 and CSAF carry, or `undefined` when
 * the vector is not a complete, valid base vector (an export then carries no score at all).
 */
import calculator from 'ae-cvss-calculator'

const { Cvss3P1, Cvss4P0 } = calculator

export interface CvssJson {
  version: '3.1' | '4.0'
  vectorString: string
  baseScore: number
  baseSeverity: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'
  [metric: string]: string | number
}

const V31 = /^CVSS:3\.1(\/[A-Z]{1,3}:[A-Z])+$/
// CVSS 4.0's supplemental "Provider Urgency" takes words: U:Clear, U:Green, U:Amber, U:Red.
const V40 = /^CVSS:4\.0(\/[A-Z]{1,3}:[A-Z][a-z]*)+$/

/**
 * A vector without its "not defined" metrics. The library writes every metric of a group once one
 * of them is set ("…/E:P/RL:X/RC:X"); the severity feature stores vectors without them ("…/E:P").
 */
function withoutUnset(vector: string): string {
  return vector.replace(/\/[A-Z]{1,3}:X(?=\/|$)/g, '')
}

/** Only the metrics the vector defines (NOT_DEFINED ones are left out), with the base score; the vector as given. */
function jsonOf(vector: { createJsonSchema(): object; isBaseFullyDefined(): boolean; toString(): string }, given: string) {
  if (!vector.isBaseFullyDefined() || withoutUnset(vector.toString()) !== withoutUnset(given)) return undefined
  const full = vector.createJsonSchema() as Record<string, unknown>
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(full)) if (v !== 'NOT_DEFINED' && (typeof v === 'string' || typeof v === 'number')) out[k] = v
  out.vectorString = given
  return out as CvssJson
}

function parse<T>(make: () => T): T | undefined {
  try {
    return make()
  } catch {
    return undefined
  }
}

/** CVSS 3.1: the JSON object for a complete base vector, else undefined. */
export function cvss31(vector: string | undefined): CvssJson | undefined {
  if (!vector || !V31.test(vector)) return undefined
  const parsed = parse(() => new Cvss3P1(vector))
  if (!parsed) return undefined
  const json = jsonOf(parsed, vector)
  // Temporal/environmental scores are not carried; drop their computed parts if the library set any.
  if (json) for (const k of ['temporalScore', 'temporalSeverity', 'environmentalScore', 'environmentalSeverity']) delete json[k]
  return json
}

/** CVSS 4.0: the JSON object for a complete base vector, else undefined. */
export function cvss40(vector: string | undefined): CvssJson | undefined {
  if (!vector || !V40.test(vector)) return undefined
  const parsed = parse(() => new Cvss4P0(vector))
  return parsed ? jsonOf(parsed, vector) : undefined
}
