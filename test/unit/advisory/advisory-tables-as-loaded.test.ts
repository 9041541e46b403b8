/**
 * The module-level tables and checks of the advisory form, as a team member meets them: the OSV
 * ecosystems that version by semver and the purl type each package gets (ecosystems.ts), the
 * installed CWE list the weakness picker reads (cwe.ts), and the formats the form holds a CVE id,
 * CWE ids, CVSS vectors and one-line fields to (content.ts).
 *
 * Each test imports its module itself (`await import`), in dependency order (ecosystems and cwe
 * before content, which imports both), so that it is the test that loads the module: mutation
 * testing (`npm run mutate`) re-runs a mutant of a module-level table or helper only against the
 * tests that were running when the module loaded. Imported at the top of the file, these would be
 * loaded by whichever test first imports them (the schedule field's `await import` in
 * workflow.test.ts), and a wrong value in them would go unnoticed. Issue 17.
 */
import { describe, expect, it } from 'vitest'

describe('what the advisory form knows about package ecosystems', () => {
  it('asks for semver in npm, crates.io, Go, Hex and Pub only, and names packages with the purl-spec type of their ecosystem', async () => {
    const { isOsvEcosystem, purlTypes, semverEcosystems } = await import('../../../src/domain/advisory/ecosystems.js')
    expect([...semverEcosystems].sort()).toEqual(['Go', 'Hex', 'Pub', 'crates.io', 'npm'])
    // purl-spec PURL-TYPES: the type a consumer matches a package by.
    expect(purlTypes).toEqual({
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
    })
    expect(isOsvEcosystem('Debian:12')).toBe(true)
    expect(isOsvEcosystem('Debian:12:1')).toBe(false)
  })
})

describe('the installed CWE list', () => {
  it('is the one the weakness picker and the form read: names by id, words of names found in any case', async () => {
    const { cweName, loadCweCatalogue, searchCwe, validateCwe } = await import('../../../src/domain/advisory/cwe.js')
    const list = await loadCweCatalogue()
    const xss = "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"
    expect(cweName(list, 'CWE-79')).toBe(xss)
    expect(cweName(list, 'CWE-0')).toBeUndefined()
    expect(validateCwe(list, 'cwe 79')).toEqual({ ok: true, value: { id: 'CWE-79', name: xss, deprecated: false } })
    expect(searchCwe(list, 'CROSS-SITE scripting', 1)).toEqual([{ id: 'CWE-79', name: xss, deprecated: false }])
  })
})

describe('the formats the advisory form holds what is typed to', () => {
  const input = {
    title: 'Open redirect',
    summary: '',
    description: '',
    workarounds: '',
    affected: [],
    cwes: '',
    cvss31: '',
    cvss40: '',
    qualitative: '',
    references: [],
    credits: [],
    cve: '',
  }
  const v31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
  const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'

  // One test: mutation testing runs a mutant of these module-level checks only against the test
  // that loaded the module, so every check of the formats is made in the test that imports it.
  it('accepts a CVE id with a four-digit year and four or more digits, CWE ids from 1 up and CVSS vectors of each version; refuses anything around or inside those formats, control characters in a line, NUL in a text, and an over-long title', async () => {
    const { checkContent, contentOf } = await import('../../../src/domain/advisory/content.js')
    const result = checkContent({ ...input, cve: 'cve-2026-123456', cwes: 'CWE-7, cwe-1004', cvss31: v31, cvss40: v40 })
    expect(result).toEqual({
      ok: true,
      value: {
        title: 'Open redirect',
        summary: '',
        description: '',
        workarounds: '',
        affected: [],
        cwes: ['CWE-7', 'CWE-1004'],
        severity: { cvss31: v31, cvss40: v40 },
        references: [],
        credits: [],
        cve: 'CVE-2026-123456',
      },
    })
    // Opened again for editing, the advisory shows what was stored.
    if (result.ok) expect(contentOf(result.value)).toEqual(result.value)
    const problemsOf = (over: Partial<typeof input>) => {
      const checked = checkContent({ ...input, ...over })
      return checked.ok ? [] : checked.error
    }
    for (const cve of ['XCVE-2026-1234', 'CVE-2026-1234X', 'CVE-26-1234', 'CVE-2026-123', 'CVE-2026-12a4'])
      expect(problemsOf({ cve }), cve).toEqual([{ field: 'cve', problem: 'invalid' }])
    for (const cwes of ['XCWE-79', 'CWE-79X', 'CWE-0', 'CWE-1234567', 'CWE-7a'])
      expect(problemsOf({ cwes }), cwes).toEqual([{ field: 'cwes', problem: 'invalid' }])
    for (const cvss31 of [`x${v31}`, `${v31}/1`, 'CVSS:3.1/', 'CVSS:3.1/1'])
      expect(problemsOf({ cvss31 }), cvss31).toEqual([{ field: 'cvss31', problem: 'invalid' }])
    for (const cvss40 of [`x${v40}`, `${v40}/1`, 'CVSS:4.0/', 'CVSS:4.0/1'])
      expect(problemsOf({ cvss40 }), cvss40).toEqual([{ field: 'cvss40', problem: 'invalid' }])
    for (const title of ['Open\u0007redirect', 'Open\u007fredirect', 'Open\nredirect'])
      expect(problemsOf({ title }), JSON.stringify(title)).toEqual([{ field: 'title', problem: 'invalid' }])
    expect(problemsOf({ description: 'a\u0000b' })).toEqual([{ field: 'description', problem: 'invalid' }])
    expect(problemsOf({ description: 'line one\nline two\u0007' })).toEqual([])
    expect(problemsOf({ title: 'x'.repeat(201) })).toEqual([{ field: 'title', problem: 'too-long' }])
    // Length is counted in characters, not UTF-16 units: 200 emoji are a title.
    expect(problemsOf({ title: '🔒'.repeat(200) })).toEqual([])
  })
})
