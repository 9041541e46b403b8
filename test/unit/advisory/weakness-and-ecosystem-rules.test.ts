/**
 * The weakness picker and the CWE check of the advisory form (src/domain/advisory/cwe.ts), on a
 * small list written here so every answer can be checked by hand, and the OSV ecosystem names the
 * form accepts (src/domain/advisory/ecosystems.ts). Issue 17: each test pins a rule mutation testing
 * found unpinned.
 */
import { describe, expect, it } from 'vitest'
import {
  cweCatalogueFrom,
  cweName,
  loadCweCatalogue,
  mostUsedWeaknesses,
  searchCwe,
  validateCwe,
} from '../../../src/domain/advisory/cwe.js'
import { isOsvEcosystem } from '../../../src/domain/advisory/ecosystems.js'

const entry = (name: string | undefined, status = 'Stable') => ({ attr: { ...(name ? { '@_Name': name } : {}), '@_Status': status } })

const catalogue = cweCatalogueFrom({
  '1004': entry('Sensitive Cookie Without HttpOnly Flag'),
  '89': entry("Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')"),
  '79': entry("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"),
  '564': entry('SQL Injection: Hibernate'),
  '943': entry('Improper Neutralization of Special Elements in Data Query Logic'),
  '352': entry('Cross-Site Request Forgery (CSRF)'),
  '7': entry('J2EE Misconfiguration: Missing Custom Error Page', 'Deprecated'),
  '20': entry('Improper Input Validation', 'Draft'),
  '22': entry('Obsolete path entry', 'Deprecated'),
  '100': entry(undefined),
  abc: entry('Not a weakness number'),
  '123456': entry('Six digits'),
})

describe('the CWE list', () => {
  it('keeps weaknesses with a number of up to five digits and a name, ordered by number', () => {
    expect(catalogue.all().map((w) => w.id)).toEqual([
      'CWE-7',
      'CWE-20',
      'CWE-22',
      'CWE-79',
      'CWE-89',
      'CWE-352',
      'CWE-564',
      'CWE-943',
      'CWE-1004',
    ])
    expect(catalogue.get('CWE-100')).toBeUndefined()
    expect(catalogue.get('CWE-abc')).toBeUndefined()
    expect(catalogue.get('CWE-123456')).toBeUndefined()
  })

  it('marks deprecated entries, and only those', () => {
    expect(catalogue.get('CWE-7')).toEqual({ id: 'CWE-7', name: 'J2EE Misconfiguration: Missing Custom Error Page', deprecated: true })
    expect(catalogue.get('CWE-20')).toEqual({ id: 'CWE-20', name: 'Improper Input Validation', deprecated: false })
    expect(cweCatalogueFrom({ '5': {} }).all()).toEqual([])
  })

  it('names an id it has, and nothing else', () => {
    expect(cweName(catalogue, 'CWE-352')).toBe('Cross-Site Request Forgery (CSRF)')
    expect(cweName(catalogue, 'CWE-353')).toBeUndefined()
  })

  it('the installed list is read once and answers the same every time', async () => {
    const [a, b] = await Promise.all([loadCweCatalogue(), loadCweCatalogue()])
    expect(a.get('CWE-79')?.name).toBe(b.get('CWE-79')?.name)
    expect(a.all().length).toBeGreaterThan(900)
  })
})

describe('a CWE id as typed', () => {
  it('reads the usual spellings, with surrounding spaces and leading zeros, as the canonical id', () => {
    for (const typed of ['CWE-79', 'cwe-79', 'Cwe 79', 'CWE79', '79', ' 79 ', '\tCWE-079\n', '00079'])
      expect(validateCwe(catalogue, typed), JSON.stringify(typed)).toEqual({ ok: true, value: catalogue.get('CWE-79') })
  })

  it('refuses anything else as malformed', () => {
    for (const typed of ['', 'CWE-', 'CWE--79', 'CWE_79', 'CWE-79x', 'x79', '123456', 'CWE-7 9', 'CWE:79', 'CWE-79\nCWE-89'])
      expect(validateCwe(catalogue, typed), JSON.stringify(typed)).toEqual({ ok: false, error: { code: 'CWE_MALFORMED' } })
  })

  it('refuses an id the list lacks, and a deprecated one, naming it', () => {
    expect(validateCwe(catalogue, '0')).toEqual({ ok: false, error: { code: 'CWE_UNKNOWN', id: 'CWE-0' } })
    expect(validateCwe(catalogue, 'CWE-100')).toEqual({ ok: false, error: { code: 'CWE_UNKNOWN', id: 'CWE-100' } })
    expect(validateCwe(catalogue, 'cwe 7')).toEqual({ ok: false, error: { code: 'CWE_DEPRECATED', id: 'CWE-7' } })
  })
})

describe('the weakness picker', () => {
  it('with nothing typed, offers the most used weaknesses in Top 25 order, none deprecated, up to the limit', () => {
    expect(mostUsedWeaknesses.slice(0, 5)).toEqual(['CWE-79', 'CWE-787', 'CWE-89', 'CWE-352', 'CWE-22'])
    expect(searchCwe(catalogue, '').map((w) => w.id)).toEqual(['CWE-79', 'CWE-89', 'CWE-352', 'CWE-20'])
    expect(searchCwe(catalogue, '   ', 2).map((w) => w.id)).toEqual(['CWE-79', 'CWE-89'])
  })

  it('finds a weakness by its id in any spelling', () => {
    expect(searchCwe(catalogue, ' 352 ').map((w) => w.id)).toEqual(['CWE-352'])
    expect(searchCwe(catalogue, 'cwe-1004').map((w) => w.id)).toEqual(['CWE-1004'])
  })

  it('finds weaknesses whose name has a word starting with every typed word, in any case, Top 25 first', () => {
    expect(searchCwe(catalogue, 'SQL inj').map((w) => w.id)).toEqual(['CWE-89', 'CWE-564'])
    expect(searchCwe(catalogue, 'neutral').map((w) => w.id)).toEqual(['CWE-79', 'CWE-89', 'CWE-943'])
    expect(searchCwe(catalogue, 'neutral', 1).map((w) => w.id)).toEqual(['CWE-79'])
    expect(searchCwe(catalogue, 'cross-site').map((w) => w.id)).toEqual(['CWE-79', 'CWE-352'])
    expect(searchCwe(catalogue, 'jection')).toEqual([])
  })

  it('never offers a deprecated weakness, and nothing for a query without words', () => {
    expect(searchCwe(catalogue, 'missing custom')).toEqual([])
    expect(searchCwe(catalogue, 'path')).toEqual([])
    expect(searchCwe(catalogue, '!!! ---')).toEqual([])
  })

  it('reads at most 200 characters of a query', () => {
    expect(searchCwe(catalogue, `sql${' '.repeat(300)}zzz`).map((w) => w.id)).toEqual(['CWE-89', 'CWE-564'])
    expect(searchCwe(catalogue, `sql zzz`)).toEqual([])
  })
})

describe('OSV ecosystem names', () => {
  it('accepts a name of the OSV list, with a release where OSV allows one', () => {
    for (const ok of [
      'npm',
      'PyPI',
      'Debian',
      'Debian:12',
      'Alpine:v3.16',
      'Ubuntu:22.04',
      `Debian:${'a'.repeat(40)}`,
      'Red Hat:rhel_aus-8.4',
    ])
      expect(isOsvEcosystem(ok), ok).toBe(true)
  })

  it('refuses other names, other spellings, and malformed releases', () => {
    for (const bad of [
      '',
      'NPM',
      'debian',
      'Debian:',
      'Debian:12:1',
      'Debian: 12',
      'Debian:12/x',
      `Debian:${'a'.repeat(41)}`,
      ':12',
      'Nope:1',
    ])
      expect(isOsvEcosystem(bad), bad).toBe(false)
  })
})
