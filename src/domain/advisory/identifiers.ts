/**
 * The advisory's identifiers: the organization's own (`ACME-ADV-2026-0001`, or the policy's
 * `advisories.idPrefix`), GCVE ids for organizations that are a GCVE numbering authority
 * (`GCVE-<GNA id>-<year>-<n>`), and CVE ids entered by hand. Numbers come from storage's
 * race-free counters; this file only spells them. Pure.
 */
export { cvePattern } from './content.js'

/** The default prefix of an organization's own advisory ids: its report prefix with "-ADV". */
export const defaultOwnPrefix = (refPrefix: string) => `${refPrefix}-ADV`

export const ownIdOf = (prefix: string, year: number, n: number) => `${prefix}-${year}-${String(n).padStart(4, '0')}`

export const gcveIdOf = (gna: number, year: number, n: number) => `GCVE-${gna}-${year}-${String(n).padStart(4, '0')}`

export const gcvePattern = /^GCVE-\d{1,10}-\d{4}-\d{4,19}$/
