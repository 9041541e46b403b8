/**
 * What the team may write in an advisory (src/domain/advisory/content.ts), field by field: what the
 * editing form refuses (and under which field it shows the problem), and what is stored and later
 * exported when it accepts. Issue 17: each test pins a rule mutation testing found unpinned.
 */
import { describe, expect, it } from 'vitest'
import {
  type AffectedRow,
  type ContentInput,
  type ContentProblem,
  checkContent,
  contentLimits,
  contentOf,
  purlOf,
} from '../../../src/domain/advisory/content.js'
import { cweCatalogueFrom } from '../../../src/domain/advisory/cwe.js'

const input = (over: Partial<ContentInput> = {}): ContentInput => ({
  title: 'Title',
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
  ...over,
})
const blankRow: AffectedRow = {
  kind: 'package',
  ecosystem: '',
  name: '',
  vendor: '',
  product: '',
  introduced: '',
  fixed: '',
  lastAffected: '',
  status: 'affected',
}
const pkg = (over: Partial<AffectedRow> = {}): AffectedRow => ({ ...blankRow, ecosystem: 'npm', name: 'left-pad', ...over })
const product = (over: Partial<AffectedRow> = {}): AffectedRow => ({
  ...blankRow,
  kind: 'product',
  vendor: 'Acme',
  product: 'Router',
  ...over,
})

const problems = (over: Partial<ContentInput>, context = {}): ContentProblem[] => {
  const result = checkContent(input(over), context)
  return result.ok ? [] : result.error
}
const stored = (over: Partial<ContentInput>, context = {}) => {
  const result = checkContent(input(over), context)
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe('title and texts', () => {
  it('stores the texts exactly as typed, and nothing that was not filled in', () => {
    expect(stored({ title: '  Stored XSS  ', summary: 'Sum\nmary', description: '**Desc**\r\n', workarounds: '\tNone.' })).toEqual({
      title: '  Stored XSS  ',
      summary: 'Sum\nmary',
      description: '**Desc**\r\n',
      workarounds: '\tNone.',
      affected: [],
      cwes: [],
      severity: {},
      references: [],
      credits: [],
    })
  })

  it('a title is required, one line, and at most 200 characters (an emoji counts once)', () => {
    expect(problems({ title: ' \t ' })).toEqual([{ field: 'title', problem: 'required' }])
    expect(problems({ title: 'a'.repeat(contentLimits.title) })).toEqual([])
    expect(problems({ title: '😀'.repeat(contentLimits.title) })).toEqual([])
    expect(problems({ title: 'a'.repeat(contentLimits.title + 1) })).toEqual([{ field: 'title', problem: 'too-long' }])
    for (const bad of ['line\nbreak', 'bell\u0007', 'unit\u001f', 'del\u007f', 'lone \uD800 surrogate'])
      expect(problems({ title: bad }), JSON.stringify(bad)).toEqual([{ field: 'title', problem: 'invalid' }])
    expect(problems({ title: 'spaces and ~ are fine' })).toEqual([])
  })

  it('the summary is at most 1,000 characters; the description and workarounds at most 50,000', () => {
    expect(problems({ summary: 's'.repeat(contentLimits.summary) })).toEqual([])
    expect(problems({ summary: 's'.repeat(contentLimits.summary + 1) })).toEqual([{ field: 'summary', problem: 'too-long' }])
    for (const field of ['description', 'workarounds'] as const) {
      expect(problems({ [field]: 'd'.repeat(contentLimits.text) })).toEqual([])
      expect(problems({ [field]: 'd'.repeat(contentLimits.text + 1) })).toEqual([{ field, problem: 'too-long' }])
    }
  })

  it('texts may hold line breaks and tabs, but never NUL nor a lone surrogate', () => {
    for (const field of ['summary', 'description', 'workarounds'] as const) {
      expect(problems({ [field]: 'a\n\tb\u0001c' })).toEqual([])
      expect(problems({ [field]: 'nul\u0000' })).toEqual([{ field, problem: 'invalid' }])
      expect(problems({ [field]: 'half \uDC00' })).toEqual([{ field, problem: 'invalid' }])
    }
  })

  it('every problem is reported at once, in the order of the form', () => {
    expect(
      problems({
        title: '',
        summary: 'x\u0000',
        description: 'd'.repeat(contentLimits.text + 1),
        cwes: 'XSS',
        qualitative: 'severe',
        cve: 'CVE-1',
      }),
    ).toEqual([
      { field: 'title', problem: 'required' },
      { field: 'summary', problem: 'invalid' },
      { field: 'description', problem: 'too-long' },
      { field: 'cwes', problem: 'invalid' },
      { field: 'qualitative', problem: 'invalid' },
      { field: 'cve', problem: 'invalid' },
    ])
  })
})

describe('affected products', () => {
  it('a package row becomes a product with its purl and one range; "0" stands for every version before the fix', () => {
    expect(stored({ affected: [pkg({ fixed: '1.2.3' })] }).affected).toEqual([
      {
        kind: 'package',
        ecosystem: 'npm',
        name: 'left-pad',
        purl: 'pkg:npm/left-pad',
        ranges: [{ introduced: '0', fixed: '1.2.3' }],
        status: 'affected',
      },
    ])
    expect(stored({ affected: [pkg({ introduced: '1.0.0', lastAffected: '1.4.0' })] }).affected[0]?.ranges).toEqual([
      { introduced: '1.0.0', lastAffected: '1.4.0' },
    ])
    expect(stored({ affected: [pkg({ introduced: '1.0.0' })] }).affected[0]?.ranges).toEqual([{ introduced: '1.0.0' }])
  })

  it('a package of an ecosystem without a purl type is stored without a purl', () => {
    expect(stored({ affected: [pkg({ ecosystem: 'Debian:12', name: 'openssl', fixed: '3.0.11-1' })] }).affected).toEqual([
      { kind: 'package', ecosystem: 'Debian:12', name: 'openssl', ranges: [{ introduced: '0', fixed: '3.0.11-1' }], status: 'affected' },
    ])
  })

  it('a product row names its vendor and product; any kind but "product" is a package', () => {
    expect(stored({ affected: [product({ introduced: '7.0', fixed: '7.2' })] }).affected).toEqual([
      { kind: 'product', vendor: 'Acme', product: 'Router', ranges: [{ introduced: '7.0', fixed: '7.2' }], status: 'affected' },
    ])
    expect(stored({ affected: [pkg({ kind: 'whatever' })] }).affected[0]?.kind).toBe('package')
  })

  it('status "not-affected" marks a product checked and found not affected; anything else is affected', () => {
    expect(stored({ affected: [pkg({ status: 'not-affected' })] }).affected[0]?.status).toBe('not-affected')
    expect(stored({ affected: [pkg({ status: 'unknown' })] }).affected[0]?.status).toBe('affected')
    expect(stored({ affected: [product({ status: 'not-affected' })] }).affected[0]?.status).toBe('not-affected')
  })

  it('rows of the same package and status are merged into one product with several ranges; others stay apart', () => {
    const merged = stored({
      affected: [
        pkg({ fixed: '1.0.1' }),
        pkg({ introduced: '2.0.0', fixed: '2.0.1' }),
        pkg({ name: 'right-pad', fixed: '1.0.0' }),
        pkg({ ecosystem: 'PyPI', fixed: '1.0' }),
        pkg({ status: 'not-affected', introduced: '3.0.0' }),
        product({ fixed: '7.2' }),
        product({ introduced: '8.0', fixed: '8.1' }),
        product({ product: 'Switch', fixed: '1.1' }),
        product({ vendor: 'Other', fixed: '1.1' }),
        product({ status: 'not-affected', introduced: '9.0' }),
      ],
    }).affected
    expect(
      merged.map((p) => [p.kind === 'package' ? `${p.ecosystem}/${p.name}` : `${p.vendor}/${p.product}`, p.status, p.ranges.length]),
    ).toEqual([
      ['npm/left-pad', 'affected', 2],
      ['npm/right-pad', 'affected', 1],
      ['PyPI/left-pad', 'affected', 1],
      ['npm/left-pad', 'not-affected', 1],
      ['Acme/Router', 'affected', 2],
      ['Acme/Switch', 'affected', 1],
      ['Other/Router', 'affected', 1],
      ['Acme/Router', 'not-affected', 1],
    ])
    expect(merged[0]?.ranges).toEqual([
      { introduced: '0', fixed: '1.0.1' },
      { introduced: '2.0.0', fixed: '2.0.1' },
    ])
  })

  it('a package and a product of the same name are never merged', () => {
    const both = stored({
      affected: [product({ vendor: 'npm', product: 'left-pad' }), pkg({}), product({ vendor: 'npm', product: 'left-pad' })],
    })
    expect(both.affected.map((p) => [p.kind, p.ranges.length])).toEqual([
      ['product', 2],
      ['package', 1],
    ])
  })

  it('empty rows are ignored, whatever their kind and status; problems name the row among the filled ones', () => {
    const rows = [
      { ...blankRow, kind: 'product', status: 'not-affected' },
      pkg({ ecosystem: 'Nope' }),
      blankRow,
      pkg({ name: '', fixed: '1.0.0' }),
    ]
    expect(problems({ affected: rows })).toEqual([
      { field: 'affected.0.ecosystem', problem: 'invalid' },
      { field: 'affected.1.name', problem: 'required' },
    ])
    for (const only of ['ecosystem', 'name', 'vendor', 'product', 'introduced', 'fixed', 'lastAffected'] as const)
      expect(problems({ affected: [{ ...blankRow, [only]: 'x' }] }).length, only).toBeGreaterThan(0)
  })

  it('a package needs a known OSV ecosystem and a name', () => {
    expect(problems({ affected: [pkg({ ecosystem: 'Nope' })] })).toEqual([{ field: 'affected.0.ecosystem', problem: 'invalid' }])
    expect(problems({ affected: [pkg({ name: '   ' })] })).toEqual([{ field: 'affected.0.name', problem: 'required' }])
  })

  it('a product needs a vendor and a product name; the vendor is asked for first', () => {
    expect(problems({ affected: [product({ vendor: ' ' })] })).toEqual([{ field: 'affected.0.vendor', problem: 'required' }])
    expect(problems({ affected: [product({ product: ' ' })] })).toEqual([{ field: 'affected.0.product', problem: 'required' }])
    expect(problems({ affected: [product({ vendor: '', product: '', fixed: '1' })] })).toEqual([
      { field: 'affected.0.vendor', problem: 'required' },
    ])
  })

  it('names, vendors and products are one line of at most 200 characters', () => {
    const long = 'n'.repeat(contentLimits.name + 1)
    expect(problems({ affected: [pkg({ name: 'n'.repeat(contentLimits.name) })] })).toEqual([])
    expect(problems({ affected: [pkg({ name: long })] })).toEqual([{ field: 'affected.0.name', problem: 'invalid' }])
    expect(problems({ affected: [product({ vendor: 'Ac\nme' })] })).toEqual([{ field: 'affected.0.vendor', problem: 'invalid' }])
    expect(problems({ affected: [product({ product: long })] })).toEqual([{ field: 'affected.0.product', problem: 'invalid' }])
  })

  it('versions are one word of at most 100 characters; semver ecosystems ask for semver, others take their own', () => {
    expect(problems({ affected: [pkg({ fixed: 'next' })] })).toEqual([{ field: 'affected.0.fixed', problem: 'invalid' }])
    expect(problems({ affected: [pkg({ introduced: '1.x' })] })).toEqual([{ field: 'affected.0.introduced', problem: 'invalid' }])
    expect(problems({ affected: [pkg({ lastAffected: 'latest' })] })).toEqual([{ field: 'affected.0.lastAffected', problem: 'invalid' }])
    expect(problems({ affected: [pkg({ ecosystem: 'npm:web', fixed: 'next' })] })).toEqual([
      { field: 'affected.0.fixed', problem: 'invalid' },
    ])
    expect(problems({ affected: [pkg({ ecosystem: 'PyPI', fixed: '4.2rc1', introduced: '4.0' })] })).toEqual([])
    expect(problems({ affected: [product({ ecosystem: 'npm', fixed: 'R7-build-2' })] })).toEqual([])
    for (const bad of ['1.0 .1', '1.0\u0007', `1.${'0'.repeat(contentLimits.version)}`])
      expect(problems({ affected: [pkg({ ecosystem: 'PyPI', fixed: bad })] }), JSON.stringify(bad)).toEqual([
        { field: 'affected.0.fixed', problem: 'invalid' },
      ])
    expect(problems({ affected: [pkg({ ecosystem: 'PyPI', fixed: `1.${'0'.repeat(contentLimits.version - 2)}` })] })).toEqual([])
  })

  it('"0" may open a range (every version), but is no fix nor a last affected version in a semver ecosystem', () => {
    expect(problems({ affected: [pkg({ introduced: '0', fixed: '1.0.0' })] })).toEqual([])
    expect(problems({ affected: [pkg({ fixed: '0' })] })).toEqual([{ field: 'affected.0.fixed', problem: 'invalid' }])
    expect(problems({ affected: [pkg({ lastAffected: '0' })] })).toEqual([{ field: 'affected.0.lastAffected', problem: 'invalid' }])
  })

  it('a range ends either at a fix or at a last affected version, not both', () => {
    expect(problems({ affected: [pkg({ fixed: '1.0.1', lastAffected: '1.0.0' })] })).toEqual([
      { field: 'affected.0.lastAffected', problem: 'invalid' },
    ])
  })

  it('at most 50 filled rows', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => pkg({ name: `p${i}` }))
    expect(problems({ affected: rows(contentLimits.rows) })).toEqual([])
    expect(problems({ affected: [...rows(contentLimits.rows), blankRow] })).toEqual([])
    expect(problems({ affected: rows(contentLimits.rows + 1) })).toEqual([{ field: 'affected', problem: 'too-many' }])
    // Only the first 50 are checked: a bad 51st row adds no problem of its own.
    expect(problems({ affected: [...rows(contentLimits.rows), pkg({ ecosystem: 'Nope' })] })).toEqual([
      { field: 'affected', problem: 'too-many' },
    ])
  })
})

describe('purls', () => {
  it('namespaced packages get their namespace; names are encoded', () => {
    expect(purlOf('npm', '@acme/forms')).toBe('pkg:npm/%40acme/forms')
    expect(purlOf('npm', 'left-pad')).toBe('pkg:npm/left-pad')
    expect(purlOf('Maven', 'org.acme:core')).toBe('pkg:maven/org.acme/core')
    expect(purlOf('Maven', 'org/acme/core')).toBe('pkg:maven/org/acme/core')
    expect(purlOf('Packagist', 'acme/forms')).toBe('pkg:composer/acme/forms')
    expect(purlOf('Go', 'github.com/acme/x')).toBe('pkg:golang/github.com/acme/x')
    expect(purlOf('GitHub Actions', 'actions/checkout')).toBe('pkg:github/actions/checkout')
  })

  it('PyPI names have no namespace; an ecosystem release suffix does not change the type', () => {
    expect(purlOf('PyPI', 'a/b')).toBe('pkg:pypi/a%2Fb')
    expect(purlOf('npm:web', 'left-pad')).toBe('pkg:npm/left-pad')
  })

  it('no purl for an ecosystem without a purl type, nor for a package without a name', () => {
    expect(purlOf('Debian', 'openssl')).toBeUndefined()
    expect(purlOf('npm', '')).toBeUndefined()
    expect(purlOf('npm', 'acme/')).toBeUndefined()
    // A Maven artifact is named with its group: without one there is no purl.
    expect(purlOf('Maven', 'core')).toBeUndefined()
  })
})

describe('weaknesses', () => {
  it('CWE ids are read from a list separated by spaces, commas or semicolons, in capitals, each once', () => {
    expect(stored({ cwes: ' cwe-79,CWE-89;  CWE-79\nCWE-22 ' }).cwes).toEqual(['CWE-79', 'CWE-89', 'CWE-22'])
    expect(stored({ cwes: '  ' }).cwes).toEqual([])
  })

  it('refuses malformed ids and more than 20', () => {
    for (const bad of ['CWE-0', 'CWE-079', 'CWE-1234567', '79', 'CWE-79x'])
      expect(problems({ cwes: `CWE-89 ${bad}` }), bad).toEqual([{ field: 'cwes', problem: 'invalid' }])
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `CWE-${i + 1}`).join(' ')
    expect(problems({ cwes: ids(contentLimits.cwes) })).toEqual([])
    expect(problems({ cwes: ids(contentLimits.cwes + 1) })).toEqual([{ field: 'cwes', problem: 'too-many' }])
  })

  it('with the CWE list, only current weaknesses of the list are accepted', () => {
    const cwes = cweCatalogueFrom({
      '79': { attr: { '@_ID': '79', '@_Name': 'Cross-site Scripting', '@_Status': 'Stable' } },
      '7': { attr: { '@_ID': '7', '@_Name': 'Old', '@_Status': 'Deprecated' } },
    })
    expect(stored({ cwes: 'CWE-79' }, { cwes }).cwes).toEqual(['CWE-79'])
    expect(problems({ cwes: 'CWE-79 CWE-80' }, { cwes })).toEqual([{ field: 'cwes', problem: 'invalid' }])
    expect(problems({ cwes: 'CWE-7' }, { cwes })).toEqual([{ field: 'cwes', problem: 'invalid' }])
  })
})

describe('severity', () => {
  const v31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
  const v40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'

  it('keeps both vectors and the level, trimmed; without a scoring function the vector is kept as typed', () => {
    expect(stored({ cvss31: ` ${v31} `, cvss40: `${v40}\n`, qualitative: 'critical' }).severity).toEqual({
      cvss31: v31,
      cvss40: v40,
      qualitative: 'critical',
    })
  })

  it('keeps the canonical form the scoring function gives, and refuses what it cannot score', () => {
    const canonicalVector = (version: '3.1' | '4.0', vector: string) => (vector.endsWith('/X:X') ? undefined : `${vector}#${version}`)
    expect(stored({ cvss31: v31, cvss40: v40 }, { canonicalVector }).severity).toEqual({ cvss31: `${v31}#3.1`, cvss40: `${v40}#4.0` })
    expect(problems({ cvss31: `${v31}/X:X`, cvss40: `${v40}/X:X` }, { canonicalVector })).toEqual([
      { field: 'cvss31', problem: 'invalid' },
      { field: 'cvss40', problem: 'invalid' },
    ])
  })

  it('a vector of the other version, or not a vector, is refused in each field', () => {
    expect(problems({ cvss31: v40, cvss40: v31 })).toEqual([
      { field: 'cvss31', problem: 'invalid' },
      { field: 'cvss40', problem: 'invalid' },
    ])
    expect(problems({ cvss31: 'CVSS:3.1/', cvss40: 'x CVSS:4.0/AV:N' })).toEqual([
      { field: 'cvss31', problem: 'invalid' },
      { field: 'cvss40', problem: 'invalid' },
    ])
    expect(problems({ cvss31: `${v31} <b>` })).toEqual([{ field: 'cvss31', problem: 'invalid' }])
  })

  it('under qualitative scoring neither vector is accepted', () => {
    expect(problems({ cvss31: v31, cvss40: v40 }, { qualitativeOnly: true })).toEqual([
      { field: 'cvss31', problem: 'invalid' },
      { field: 'cvss40', problem: 'invalid' },
    ])
    expect(stored({ qualitative: 'low' }, { qualitativeOnly: true }).severity).toEqual({ qualitative: 'low' })
  })

  it('the level is one of low, medium, high, critical', () => {
    for (const level of ['low', 'medium', 'high', 'critical'])
      expect(stored({ qualitative: level }).severity).toEqual({ qualitative: level })
    for (const bad of ['Low', 'none', ' high'])
      expect(problems({ qualitative: bad }), bad).toEqual([{ field: 'qualitative', problem: 'invalid' }])
  })
})

describe('references and credits', () => {
  it('keeps each reference with its kind and trimmed address; rows without an address are ignored', () => {
    expect(
      stored({
        references: [
          { kind: 'fix', url: ' https://example.org/commit/1 ' },
          { kind: 'nonsense', url: '  ' },
          { kind: 'web', url: 'http://example.org/post' },
        ],
      }).references,
    ).toEqual([
      { kind: 'fix', url: 'https://example.org/commit/1' },
      { kind: 'web', url: 'http://example.org/post' },
    ])
  })

  it('refuses an unknown kind, or an address that is not a plain http(s) URL of at most 2,048 characters', () => {
    expect(problems({ references: [{ kind: 'blog', url: 'https://example.org' }] })).toEqual([
      { field: 'references.0.kind', problem: 'invalid' },
    ])
    const long = `https://example.org/${'a'.repeat(contentLimits.url)}`
    for (const bad of ['javascript:alert(1)', 'ftp://example.org/x', 'not a url', long, 'https://exa\u0007mple.org/'])
      expect(
        problems({
          references: [
            { kind: 'web', url: 'https://ok.example' },
            { kind: 'web', url: bad },
          ],
        }),
        bad,
      ).toEqual([{ field: 'references.1.url', problem: 'invalid' }])
    const longest = `https://example.org/${'a'.repeat(contentLimits.url - 'https://example.org/'.length)}`
    expect(problems({ references: [{ kind: 'web', url: longest }] })).toEqual([])
  })

  it('at most 50 references', () => {
    const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'web', url: `https://example.org/${i}` }))
    expect(problems({ references: refs(contentLimits.rows) })).toEqual([])
    expect(problems({ references: [...refs(contentLimits.rows), { kind: 'web', url: ' ' }] })).toEqual([])
    expect(problems({ references: refs(contentLimits.rows + 1) })).toEqual([{ field: 'references', problem: 'too-many' }])
    expect(problems({ references: [...refs(contentLimits.rows), { kind: 'bad', url: 'x' }] })).toEqual([
      { field: 'references', problem: 'too-many' },
    ])
  })

  it('keeps each credit with its role and trimmed name; rows without a name are ignored', () => {
    expect(
      stored({
        credits: [
          { name: '  Ada Reporter ', role: 'reporter' },
          { name: ' ', role: 'nonsense' },
          { name: 'Grace', role: 'remediation developer' },
        ],
      }).credits,
    ).toEqual([
      { name: 'Ada Reporter', role: 'reporter' },
      { name: 'Grace', role: 'remediation developer' },
    ])
  })

  it('refuses an unknown role, or a name that is not one line of at most 200 characters', () => {
    expect(problems({ credits: [{ name: 'Ada', role: 'hacker' }] })).toEqual([{ field: 'credits.0.role', problem: 'invalid' }])
    for (const bad of ['Ada\nEve', 'n'.repeat(contentLimits.name + 1)])
      expect(
        problems({
          credits: [
            { name: 'Ok', role: 'finder' },
            { name: bad, role: 'finder' },
          ],
        }),
      ).toEqual([{ field: 'credits.1.name', problem: 'invalid' }])
    expect(problems({ credits: [{ name: 'n'.repeat(contentLimits.name), role: 'finder' }] })).toEqual([])
  })

  it('at most 50 credits', () => {
    const credits = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Person ${i}`, role: 'finder' }))
    expect(problems({ credits: credits(contentLimits.rows) })).toEqual([])
    expect(problems({ credits: [...credits(contentLimits.rows), { name: '', role: 'finder' }] })).toEqual([])
    expect(problems({ credits: credits(contentLimits.rows + 1) })).toEqual([{ field: 'credits', problem: 'too-many' }])
    expect(problems({ credits: [...credits(contentLimits.rows), { name: 'x', role: 'bad' }] })).toEqual([
      { field: 'credits', problem: 'too-many' },
    ])
  })
})

describe('the CVE id', () => {
  it('is stored trimmed and in capitals, and only when given', () => {
    expect(stored({ cve: ' cve-2026-0001 ' }).cve).toBe('CVE-2026-0001')
    expect('cve' in stored({ cve: '  ' })).toBe(false)
  })
})

describe('editing a stored advisory again', () => {
  it('gives back exactly the editable content, with the CVE id only when it has one', () => {
    const content = stored({
      title: 'T',
      summary: 'S',
      description: 'D',
      workarounds: 'W',
      affected: [pkg({ fixed: '1.0.1' })],
      cwes: 'CWE-79',
      qualitative: 'high',
      references: [{ kind: 'fix', url: 'https://example.org/fix' }],
      credits: [{ name: 'Ada', role: 'finder' }],
      cve: 'CVE-2026-0001',
    })
    expect(contentOf({ ...content, ...{ internal: 'x' } })).toEqual(content)
    const { cve: _cve, ...withoutCve } = content
    expect(contentOf(withoutCve)).toEqual(withoutCve)
    expect('cve' in contentOf({ ...withoutCve, cve: '' })).toBe(false)
  })
})
