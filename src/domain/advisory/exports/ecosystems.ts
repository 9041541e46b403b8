/**
 * What the exports need to know about package ecosystems (OSV's names): which ones version by
 * semver, and where each one's packages are collected (CVE JSON 5 `collectionURL`).
 */
import semver from 'semver'
import type { AffectedProduct, VersionRange } from '../advisory.js'

/** Ecosystems whose versions are semantic versions (OSV range type SEMVER). */
const semverEcosystems = new Set(['npm', 'Go', 'crates.io', 'Hex', 'Pub', 'SwiftURL'])

const collections: Record<string, string> = {
  npm: 'https://www.npmjs.com',
  PyPI: 'https://pypi.org',
  Maven: 'https://repo.maven.apache.org/maven2',
  Go: 'https://pkg.go.dev',
  'crates.io': 'https://crates.io',
  RubyGems: 'https://rubygems.org',
  NuGet: 'https://www.nuget.org',
  Packagist: 'https://packagist.org',
  Hex: 'https://hex.pm',
  Pub: 'https://pub.dev',
}

export function collectionUrl(ecosystem: string): string | undefined {
  return collections[ecosystem.split(':')[0] ?? ecosystem]
}

const versionsOf = (r: VersionRange) => [r.introduced, r.fixed, r.lastAffected].filter((v): v is string => v !== undefined && v !== '0')

/**
 * True when the product's ecosystem uses semver AND every version it names is one (Go's leading
 * "v" is dropped, as OSV writes Go versions), so a SEMVER range never holds a version that is not.
 */
export function usesSemver(product: AffectedProduct): boolean {
  if (product.kind !== 'package' || !semverEcosystems.has(product.ecosystem)) return false
  return product.ranges.flatMap(versionsOf).every((v) => semver.valid(v.replace(/^v/, '')) === v.replace(/^v/, ''))
}

/** A version as the range type writes it (SEMVER versions carry no "v"). */
export function semverText(version: string): string {
  return version.replace(/^v(?=\d)/, '')
}
