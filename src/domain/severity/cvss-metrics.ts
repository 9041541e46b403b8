/**
 * The metrics of CVSS 3.1 and 4.0 as FIRST's specifications define them: each metric's short
 * name, the values it takes (in the specification's order), and its group. This table is the one
 * source for parsing vectors strictly, for building a vector from a form and for drawing the
 * calculator; the scores themselves come from `ae-cvss-calculator` (cvss-score.ts).
 *
 * The base group is required; every other group is optional and "X" (Not Defined) is its default.
 */
export const cvssVersions = ['3.1', '4.0'] as const
export type CvssVersion = (typeof cvssVersions)[number]

export interface CvssMetric {
  /** Short name as in the vector, e.g. "AV". */
  key: string
  /** Values as in the vector, most severe first where the specification orders them so. "X" is not listed. */
  values: readonly string[]
}

export interface CvssMetricGroup {
  id: string
  required: boolean
  metrics: readonly CvssMetric[]
}

const m = (key: string, values: string): CvssMetric => ({ key, values: values.split(',') })

const cvss31Groups: readonly CvssMetricGroup[] = [
  {
    id: 'base',
    required: true,
    metrics: [
      m('AV', 'N,A,L,P'),
      m('AC', 'L,H'),
      m('PR', 'N,L,H'),
      m('UI', 'N,R'),
      m('S', 'U,C'),
      m('C', 'H,L,N'),
      m('I', 'H,L,N'),
      m('A', 'H,L,N'),
    ],
  },
  { id: 'temporal', required: false, metrics: [m('E', 'H,F,P,U'), m('RL', 'U,W,T,O'), m('RC', 'C,R,U')] },
  {
    id: 'environmental',
    required: false,
    metrics: [
      m('CR', 'H,M,L'),
      m('IR', 'H,M,L'),
      m('AR', 'H,M,L'),
      m('MAV', 'N,A,L,P'),
      m('MAC', 'L,H'),
      m('MPR', 'N,L,H'),
      m('MUI', 'N,R'),
      m('MS', 'U,C'),
      m('MC', 'H,L,N'),
      m('MI', 'H,L,N'),
      m('MA', 'H,L,N'),
    ],
  },
]

const cvss40Groups: readonly CvssMetricGroup[] = [
  {
    id: 'base',
    required: true,
    metrics: [
      m('AV', 'N,A,L,P'),
      m('AC', 'L,H'),
      m('AT', 'N,P'),
      m('PR', 'N,L,H'),
      m('UI', 'N,P,A'),
      m('VC', 'H,L,N'),
      m('VI', 'H,L,N'),
      m('VA', 'H,L,N'),
      m('SC', 'H,L,N'),
      m('SI', 'H,L,N'),
      m('SA', 'H,L,N'),
    ],
  },
  { id: 'threat', required: false, metrics: [m('E', 'A,P,U')] },
  {
    id: 'environmental',
    required: false,
    metrics: [
      m('CR', 'H,M,L'),
      m('IR', 'H,M,L'),
      m('AR', 'H,M,L'),
      m('MAV', 'N,A,L,P'),
      m('MAC', 'L,H'),
      m('MAT', 'N,P'),
      m('MPR', 'N,L,H'),
      m('MUI', 'N,P,A'),
      m('MVC', 'H,L,N'),
      m('MVI', 'H,L,N'),
      m('MVA', 'H,L,N'),
      m('MSC', 'H,L,N'),
      m('MSI', 'S,H,L,N'),
      m('MSA', 'S,H,L,N'),
    ],
  },
  {
    id: 'supplemental',
    required: false,
    metrics: [m('S', 'N,P'), m('AU', 'N,Y'), m('R', 'A,U,I'), m('V', 'D,C'), m('RE', 'L,M,H'), m('U', 'Clear,Green,Amber,Red')],
  },
]

/** The metric groups of a version, in the vector's order. */
export const cvssMetricGroups: Record<CvssVersion, readonly CvssMetricGroup[]> = { '3.1': cvss31Groups, '4.0': cvss40Groups }

export const cvssPrefix: Record<CvssVersion, string> = { '3.1': 'CVSS:3.1', '4.0': 'CVSS:4.0' }

/** Every metric of a version, in the vector's order, with whether it is a base (required) metric. */
export const cvssMetrics = (version: CvssVersion) =>
  cvssMetricGroups[version].flatMap((g) => g.metrics.map((metric) => ({ ...metric, group: g.id, required: g.required })))
