/**
 * The Member States of the European Union by ISO 3166-1 alpha-2 code (Greece is GR here, not the
 * EU's own "EL"): where a manufacturer's main establishment may be under the Cyber Resilience Act.
 */
export const euMemberStates = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const
export type EuMemberState = (typeof euMemberStates)[number]

export const isEuMemberState = (code: string): code is EuMemberState => (euMemberStates as readonly string[]).includes(code)
