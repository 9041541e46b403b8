import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cweName, loadCweCatalogue, searchCwe, validateCwe } from '../../../src/domain/advisory/cwe.js'
import { standard } from '../../support/standards.js'

const cwe = standard('cwe')
if (!cwe.present) console.warn(cwe.reason)

describe('CWE ids in an advisory', () => {
  it('accepts a known weakness in any usual spelling and names it', async () => {
    const catalogue = await loadCweCatalogue()
    for (const typed of ['CWE-79', 'cwe-79', 'CWE 79', '79'])
      expect(validateCwe(catalogue, typed)).toEqual({
        ok: true,
        value: {
          id: 'CWE-79',
          name: "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')",
          deprecated: false,
        },
      })
  })

  it('refuses an unknown id, a malformed one and a deprecated entry', async () => {
    const catalogue = await loadCweCatalogue()
    expect(validateCwe(catalogue, 'CWE-99999')).toEqual({ ok: false, error: { code: 'CWE_UNKNOWN', id: 'CWE-99999' } })
    expect(validateCwe(catalogue, 'CWE-1')).toEqual({ ok: false, error: { code: 'CWE_UNKNOWN', id: 'CWE-1' } })
    expect(validateCwe(catalogue, 'XSS')).toEqual({ ok: false, error: { code: 'CWE_MALFORMED' } })
    expect(validateCwe(catalogue, 'CWE-79; DROP TABLE')).toEqual({ ok: false, error: { code: 'CWE_MALFORMED' } })
    const deprecated = catalogue.all().find((w) => w.deprecated)
    expect(deprecated && validateCwe(catalogue, deprecated.id)).toEqual({
      ok: false,
      error: { code: 'CWE_DEPRECATED', id: deprecated?.id },
    })
  })

  it('finds weaknesses by words of their name, the most used first, and by id', async () => {
    const catalogue = await loadCweCatalogue()
    const sql = searchCwe(catalogue, 'sql injection')
    expect(sql[0]?.id).toBe('CWE-89')
    expect(sql.every((w) => /sql/i.test(w.name) && /injection/i.test(w.name))).toBe(true)
    expect(searchCwe(catalogue, 'cwe-352').map((w) => w.id)).toEqual(['CWE-352'])
    expect(searchCwe(catalogue, '')[0]?.id).toBe('CWE-79')
    expect(searchCwe(catalogue, 'zzzqqq')).toEqual([])
  })

  it.skipIf(!cwe.present)(`every weakness of MITRE's CWE v4.9 list (${cwe.dir}) validates with its name`, async () => {
    const catalogue = await loadCweCatalogue()
    const rows = readFileSync(join(cwe.dir, 'cwe-v4.9-weaknesses.tsv'), 'utf8').trim().split('\n').slice(1)
    expect(rows).toHaveLength(938)
    // The TSV was derived from MITRE's CSV, which lost the backslashes of names such as
    // "Path Traversal: '\..\filename'"; the names are compared without them.
    const plain = (name: string) => name.replaceAll('\\', '')
    const wrong = rows.flatMap((row) => {
      const [id = '', name = ''] = row.split('\t')
      const found = validateCwe(catalogue, id)
      if (!found.ok) return [`${id}: ${found.error.code}`]
      return plain(found.value.name).trim() === plain(name).trim() ? [] : [`${id}: ${found.value.name} ≠ ${name}`]
    })
    expect(wrong).toEqual([])
    expect(cweName(catalogue, 'CWE-22')).toBe("Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')")
  })
})
