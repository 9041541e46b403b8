/** A seed-like organization that manufactures routers in Austria and reports under the EU Cyber Resilience Act. */
import type { ContentInput } from '../../../src/domain/advisory/content.js'

/** The policy of "Alpenrouter", a manufacturer with its main establishment in Austria (Vienna zone, Austrian public holidays). */
export const alpenrouterPolicy = (slug: string) => `version: 1
organization:
  name: Alpenrouter
  slug: ${slug}
  website: https://alpenrouter.example
  languages: [en, de]
contacts:
  - { id: psirt, kind: team, name: Alpenrouter PSIRT, email: psirt@alpenrouter.example }
  - { id: ciso, kind: person, name: Clara Ciso, role: CISO, email: ciso@alpenrouter.example }
team:
  name: Alpenrouter PSIRT
  contact: psirt
  assignment: claim
channels:
  webForm: { enabled: true }
programs:
  - slug: firmware
    name: Router firmware
    kind: other
    inScope: true
    fields:
      - { key: model, label: Router model, type: text }
calendar:
  timeZone: Europe/Vienna
  holidays: { country: AT }
clocks:
  acknowledge: 3 business days
  resolution: 90 days
escalation:
  chain: [{ notify: assignee }, { notify: team, after: 1 business day }, { notify: contact, contact: ciso }]
disclosure:
  advisory: always
  includeMitigations: true
regulation:
  cra:
    manufacturer: true
    memberState: AT
    csirt: CERT.at
    notify: [ciso]
`

/** An advisory's content as the team types it: the router, fixed in 2.0.1, with a workaround. */
export const routerAdvisory = (over: Partial<ContentInput> = {}): ContentInput => ({
  title: 'Command injection in the Alpenrouter web interface',
  summary: 'An attacker on the local network can run commands on the router.',
  description: 'The diagnostics page passes the host name to a shell.',
  workarounds: 'Switch off the web interface on the LAN side.',
  affected: [
    {
      kind: 'product',
      ecosystem: '',
      name: '',
      vendor: 'Alpenrouter',
      product: 'AR-500',
      introduced: '1.0.0',
      fixed: '2.0.1',
      lastAffected: '',
      status: 'affected',
    },
  ],
  cwes: 'CWE-78',
  cvss31: '',
  cvss40: '',
  qualitative: 'critical',
  references: [],
  credits: [],
  cve: '',
  ...over,
})
