/**
 * The OSV ecosystems (OSV schema 1.7, `ecosystems.json`: a test keeps this list in step with the
 * official file in ../shared/standards/osv), which of them version with semver, and the purl
 * type of each that has one. Pure.
 */
export const osvEcosystems = [
  'AlmaLinux',
  'Alpaquita',
  'Alpine',
  'Android',
  'Azure Linux',
  'BellSoft Hardened Containers',
  'Bioconductor',
  'Bitnami',
  'Chainguard',
  'CleanStart',
  'ConanCenter',
  'CRAN',
  'crates.io',
  'Debian',
  'Docker Hardened Images',
  'Echo',
  'FreeBSD',
  'GHC',
  'GitHub Actions',
  'Go',
  'Hackage',
  'Hex',
  'Julia',
  'Kubernetes',
  'Linux',
  'Mageia',
  'Maven',
  'MinimOS',
  'npm',
  'NuGet',
  'opam',
  'openEuler',
  'openSUSE',
  'OSS-Fuzz',
  'Packagist',
  'Photon OS',
  'Pub',
  'PyPI',
  'Red Hat',
  'Rocky Linux',
  'Root',
  'RubyGems',
  'SUSE',
  'SwiftURL',
  'TuxCare',
  'Ubuntu',
  'VSCode',
  'Wolfi',
] as const
export type OsvEcosystem = (typeof osvEcosystems)[number]

/** Ecosystems whose versions are semver (OSV range type SEMVER); Go's carry a leading "v". */
export const semverEcosystems: ReadonlySet<string> = new Set(['npm', 'crates.io', 'Go', 'Hex', 'Pub'])

/** The purl type of an ecosystem (purl-spec PURL-TYPES), where one exists. */
export const purlTypes: Readonly<Partial<Record<OsvEcosystem, string>>> = {
  npm: 'npm',
  PyPI: 'pypi',
  Maven: 'maven',
  Go: 'golang',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  NuGet: 'nuget',
  Packagist: 'composer',
  Hex: 'hex',
  Pub: 'pub',
  Hackage: 'hackage',
  SwiftURL: 'swift',
  'GitHub Actions': 'github',
  CRAN: 'cran',
  ConanCenter: 'conan',
  Bioconductor: 'bioconductor',
}

/**
 * An OSV ecosystem string: a name of the list, optionally with a `:<release>` suffix where OSV
 * allows one (Debian:12, Alpine:v3.16).
 */
export function isOsvEcosystem(value: string): boolean {
  const [name, ...release] = value.split(':')
  if (!(osvEcosystems as readonly string[]).includes(name ?? '')) return false
  return release.length === 0 || (release.length === 1 && /^[A-Za-z0-9._-]{1,40}$/.test(release[0] ?? ''))
}
