/** What the organization owes under regulation: the EU Cyber Resilience Act's reporting (Art. 14). */
import { Type } from '@sinclair/typebox'
import { euMemberStates } from '../../regulation/member-states.js'
import { List, Name, oneOf, policyLimits, Slug, strictObject } from './kit.js'

export const Cra = strictObject(
  {
    manufacturer: Type.Boolean({
      description:
        'The organization is a manufacturer of products with digital elements under the Act: actively exploited vulnerabilities and severe incidents start the Article 14 clocks',
    }),
    memberState: Type.Optional(
      oneOf(euMemberStates, "ISO 3166 code of the Member State of the manufacturer's main establishment, e.g. NL"),
    ),
    csirt: Type.Optional(Name('The CSIRT designated as coordinator in that Member State, e.g. "NCSC-NL"')),
    notify: Type.Optional(
      List(Slug(), {
        description: 'Contact ids told at every CRA reminder and escalation, besides the whole team',
        maxItems: policyLimits.shortList,
      }),
    ),
  },
  'EU Cyber Resilience Act (Regulation (EU) 2024/2847), Article 14 reporting',
)

export const Regulation = strictObject({ cra: Type.Optional(Cra) }, 'What the organization owes under regulation')
