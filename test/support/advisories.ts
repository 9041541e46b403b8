/**
 * Realistic published advisories, as the advisory feature hands them to the exports and the public
 * pages: test data (real records of the contract type), not a stand-in for any component.
 */
import type { PublishedAdvisory, Publisher } from '../../src/domain/advisory/advisory.js'

export const publisher: Publisher = {
  name: 'Open Klant',
  slug: 'oklant',
  baseUrl: 'https://embargo.example.org',
  contact: 'security@openklant.example',
  namespace: 'https://openklant.example',
}

const base = {
  summary: '',
  description: '',
  workarounds: '',
  references: [],
  credits: [],
  cwes: [],
  severity: {},
  revision: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-10T12:00:00.000Z',
  publishedAt: '2026-03-10T12:00:00.000Z',
}

/** An npm package, semver ranges, CVSS 3.1 and 4.0, a CVE, credits with consent. */
export const npmXss: PublishedAdvisory = {
  ...base,
  id: '01950000-0000-7000-8000-000000000001',
  identifiers: { own: 'OKLANT-2026-0003', cve: 'CVE-2026-12345', gcve: 'GCVE-1337-2026-0001' },
  state: 'published',
  title: 'Stored XSS in the klant-forms date picker',
  summary: 'A crafted form label runs script in the browser of a clerk who opens the form.',
  description:
    "The date picker of **klant-forms** renders the field label as HTML.\n\nAn attacker who can create forms can run script in a clerk's session.",
  workarounds: 'Disallow `<` in form labels with a content rule.',
  affected: [
    {
      kind: 'package',
      ecosystem: 'npm',
      name: 'klant-forms',
      purl: 'pkg:npm/klant-forms',
      ranges: [
        { introduced: '2.0.0', fixed: '2.4.1' },
        { introduced: '3.0.0', fixed: '3.1.2' },
      ],
      status: 'affected',
    },
  ],
  cwes: ['CWE-79'],
  severity: {
    cvss31: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
    cvss40: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N',
  },
  references: [
    { kind: 'fix', url: 'https://github.com/openklant/klant-forms/commit/0123456789abcdef0123456789abcdef01234567' },
    { kind: 'web', url: 'https://openklant.example/blog/2026-03-forms' },
  ],
  credits: [
    { name: 'Ada Reporter', role: 'reporter' },
    { name: 'Grace Fixer', role: 'remediation developer' },
  ],
}

/** A vendor product outside any package ecosystem, only a qualitative severity, no CVE. */
export const vendorQualitative: PublishedAdvisory = {
  ...base,
  id: '01950000-0000-7000-8000-000000000002',
  identifiers: { own: 'OKLANT-2026-0004' },
  state: 'published',
  title: 'Session fixation in the Open Klant appliance',
  summary: 'The appliance keeps the session id across sign-in.',
  description: 'Sign-in does not issue a new session id.',
  affected: [
    { kind: 'product', vendor: 'Open Klant', product: 'Klant Appliance', ranges: [{ introduced: '0', fixed: '7.2' }], status: 'affected' },
  ],
  cwes: ['CWE-384'],
  severity: { qualitative: 'medium' },
  credits: [{ name: 'Anonymous finder', role: 'finder' }],
}

/** One product affected, one checked and found not affected: a VEX document. */
export const withNotAffected: PublishedAdvisory = {
  ...base,
  id: '01950000-0000-7000-8000-000000000003',
  identifiers: { own: 'OKLANT-2026-0005', cve: 'CVE-2026-12346' },
  state: 'published',
  title: 'Path traversal in the klant-export archive writer',
  summary: 'Archive entries named with ../ are written outside the export folder.',
  description: 'The archive writer joins entry names without checking them.',
  affected: [
    {
      kind: 'package',
      ecosystem: 'PyPI',
      name: 'klant-export',
      purl: 'pkg:pypi/klant-export',
      ranges: [{ introduced: '1.0', fixed: '1.5.post1' }],
      status: 'affected',
    },
    { kind: 'package', ecosystem: 'npm', name: 'klant-export-js', ranges: [], status: 'not-affected' },
  ],
  cwes: ['CWE-22'],
  severity: { cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N' },
  credits: [{ name: 'Lin Analyst', role: 'analyst' }],
  updatedAt: '2026-03-12T08:00:00.000Z',
  revision: 2,
}

/** Withdrawn after publication: still listed, as withdrawn. */
export const withdrawn: PublishedAdvisory = {
  ...base,
  id: '01950000-0000-7000-8000-000000000004',
  identifiers: { own: 'OKLANT-2026-0006' },
  state: 'withdrawn',
  title: 'Denial of service in klant-forms upload',
  summary: 'Large uploads were thought to exhaust memory.',
  description: 'The report could not be reproduced.',
  affected: [
    { kind: 'package', ecosystem: 'npm', name: 'klant-forms', ranges: [{ introduced: '0', lastAffected: '3.1.1' }], status: 'affected' },
  ],
  severity: { cvss40: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N' },
  withdrawnAt: '2026-03-20T10:00:00.000Z',
  withdrawnReason: 'Not reproducible; the upload limit applies before parsing.',
  updatedAt: '2026-03-20T10:00:00.000Z',
}

export const allAdvisories = [npmXss, vendorQualitative, withNotAffected, withdrawn]
