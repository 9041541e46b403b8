/**
 * What the Act asks at each stage of a CRA case (Regulation (EU) 2024/2847, Art. 14(2) for an
 * actively exploited vulnerability, Art. 14(4) for a severe incident), the form's fields
 * pre-filled from the report and its advisory, and the export of one stage. Pure.
 *
 * Only the fields below reach an export: the evidence of exploitation, internal notes, the
 * reporter and the report's own text never do. Nothing is sent to ENISA's single reporting
 * platform (its interface is not public): the export says so, and the team files it by hand.
 */
import type { CraClock, CraKind, CraStage } from './cra-clocks.js'

export type CraFieldKey =
  | 'memberStates'
  | 'suspectedMalicious'
  | 'product'
  | 'exploitNature'
  | 'vulnerabilityNature'
  | 'incidentNature'
  | 'initialAssessment'
  | 'measuresTaken'
  | 'userMeasures'
  | 'sensitivity'
  | 'description'
  | 'severity'
  | 'impact'
  | 'maliciousActor'
  | 'securityUpdate'
  | 'rootCause'
  | 'mitigation'

export interface CraFieldSpec {
  key: CraFieldKey
  /** What the Act asks, in its words (shortened); exported with the value. */
  asks: string
  long: boolean
}

const f = (key: CraFieldKey, asks: string, long = true): CraFieldSpec => ({ key, asks, long })

const memberStates = f(
  'memberStates',
  'Where applicable, the Member States on the territory of which the manufacturer is aware that the product has been made available',
  false,
)
const taken = f('measuresTaken', 'Corrective or mitigating measures taken')
const users = f('userMeasures', 'Corrective or mitigating measures that users can take')
const sensitivity = f('sensitivity', 'Where applicable, how sensitive the manufacturer considers the notified information to be', false)
const severity = f('severity', 'Severity', false)
const impact = f('impact', 'Impact')

/** The fields of each stage, by kind of case, in the Act's order. */
export const craStageFields: Record<CraKind, Record<CraStage, CraFieldSpec[]>> = {
  vulnerability: {
    'early-warning': [memberStates],
    notification: [
      f('product', 'General information about the product with digital elements concerned'),
      f('exploitNature', 'The general nature of the exploit'),
      f('vulnerabilityNature', 'The general nature of the vulnerability concerned'),
      taken,
      users,
      sensitivity,
    ],
    'final-report': [
      f('description', 'A description of the vulnerability, including its severity and impact'),
      severity,
      impact,
      f(
        'maliciousActor',
        'Where available, information concerning any malicious actor that exploited or that is exploiting the vulnerability',
      ),
      f('securityUpdate', 'Details about the security update or other corrective measures made available to remedy the vulnerability'),
    ],
  },
  incident: {
    'early-warning': [
      f('suspectedMalicious', 'Whether the incident is suspected of being caused by unlawful or malicious acts', false),
      memberStates,
    ],
    notification: [
      f('incidentNature', 'General information on the nature of the incident'),
      f('initialAssessment', 'An initial assessment of the incident'),
      taken,
      users,
      sensitivity,
    ],
    'final-report': [
      f('description', 'A detailed description of the incident, including its severity and impact'),
      severity,
      impact,
      f('rootCause', 'The type of threat or root cause that is likely to have triggered the incident'),
      f('mitigation', 'Applied and ongoing mitigation measures'),
    ],
  },
}

/** Where each stage is in the Act. */
export const craArticle: Record<CraKind, Record<CraStage, string>> = {
  vulnerability: { 'early-warning': 'Art. 14(2)(a)', notification: 'Art. 14(2)(b)', 'final-report': 'Art. 14(2)(c)' },
  incident: { 'early-warning': 'Art. 14(4)(a)', notification: 'Art. 14(4)(b)', 'final-report': 'Art. 14(4)(c)' },
}

/** What Embargo knows that a form may start from: public advisory content and the report's facts, never its text. */
export interface CraSources {
  /** The product as the advisory's affected list or the report's program and version say. */
  product?: string
  /** The advisory's (or else the report's) title: the nature of the vulnerability. */
  title?: string
  cwes?: string[]
  severity?: string
  summary?: string
  description?: string
  workarounds?: string
  /** Fixed versions and the public advisory's address. */
  securityUpdate?: string
}

/** The value each field starts with before the team edits it. */
export function prefill(sources: CraSources): Partial<Record<CraFieldKey, string>> {
  const nature = [sources.title, sources.cwes?.length ? `(${sources.cwes.join(', ')})` : undefined].filter(Boolean).join(' ')
  const description = [sources.summary, sources.description].filter(Boolean).join('\n\n')
  const values: Partial<Record<CraFieldKey, string>> = {
    product: sources.product,
    vulnerabilityNature: nature || undefined,
    severity: sources.severity,
    description: description || undefined,
    userMeasures: sources.workarounds,
    securityUpdate: sources.securityUpdate,
  }
  return Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Partial<
    Record<CraFieldKey, string>
  >
}

export const craFieldMaxLength = 20_000

/** The form's values: what the team saved, else the pre-filled value, else empty; only the stage's fields. */
export function stageValues(
  kind: CraKind,
  stage: CraStage,
  saved: Readonly<Record<string, string>> | undefined,
  sources: CraSources,
): Record<CraFieldKey, string> {
  const start = prefill(sources)
  const values = {} as Record<CraFieldKey, string>
  for (const spec of craStageFields[kind][stage]) values[spec.key] = saved?.[spec.key] ?? start[spec.key] ?? ''
  return values
}

export const notSubmittedNotice =
  "Not submitted by Embargo. Embargo does not send anything to ENISA's single reporting platform (its interface is not public): file this content through the platform to the coordinating CSIRT and ENISA, then record in Embargo when and under which reference it was filed."

export interface CraExportInput {
  kind: CraKind
  stage: CraStage
  /** The case's own reference in Embargo (the report reference). */
  ref: string
  manufacturer: { name: string; memberState?: string | undefined; csirt?: string | undefined }
  awareAt: string
  measureAt: string | null
  clock: CraClock
  values: Record<CraFieldKey, string>
  generatedAt: string
}

/** One stage, ready to file: JSON-ready data with what the Act asks beside each answer. */
export function craStageExport(input: CraExportInput) {
  return {
    regulation: 'Regulation (EU) 2024/2847 (Cyber Resilience Act)',
    article: craArticle[input.kind][input.stage],
    kind:
      input.kind === 'vulnerability'
        ? 'actively exploited vulnerability'
        : 'severe incident having an impact on the security of the product',
    stage: input.stage,
    reference: input.ref,
    manufacturer: {
      name: input.manufacturer.name,
      ...(input.manufacturer.memberState ? { mainEstablishment: input.manufacturer.memberState } : {}),
    },
    ...(input.manufacturer.csirt ? { coordinatingCsirt: input.manufacturer.csirt } : {}),
    awareAt: input.awareAt,
    ...(input.measureAt ? { measureAvailableAt: input.measureAt } : {}),
    dueAt: input.clock.dueAt,
    ...(input.clock.filing ? { filed: { at: input.clock.filing.at, reference: input.clock.filing.reference } } : {}),
    fields: craStageFields[input.kind][input.stage].map((spec) => ({ key: spec.key, asks: spec.asks, answer: input.values[spec.key] })),
    submission: notSubmittedNotice,
    generatedAt: input.generatedAt,
  }
}
