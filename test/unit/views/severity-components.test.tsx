import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { loadCweCatalogue, searchCwe } from '../../../src/domain/advisory/cwe.js'
import { formValuesFromVector } from '../../../src/domain/severity/cvss-form.js'
import { CvssCalculator, CwePicker } from '../../../src/http/views/components/index.js'
import { translator } from '../../../src/i18n/messages.js'

const t = translator('en')

describe('the severity components work without JavaScript', () => {
  it('the CVSS 4.0 calculator is one radio group per metric, pre-filled from a vector, optional groups folded', () => {
    const html = renderToString(
      <CvssCalculator
        t={t}
        version="4.0"
        values={formValuesFromVector('4.0', 'CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P')}
      />,
    )
    expect(html).not.toContain('<script')
    expect(html.match(/type="radio"/g)?.length).toBeGreaterThan(80)
    expect(html).toMatch(/name="cvss40_AV" value="A" checked/)
    expect(html).toMatch(/<details class="cvss-group" data-cvss-group="threat" open/)
    // Supplemental metrics left undefined: folded, with "Not Defined" chosen.
    expect(html).toMatch(/<details class="cvss-group" data-cvss-group="supplemental">/)
    expect(html).toMatch(/name="cvss40_U" value="X" checked/)
    expect(html).toContain('Provider Urgency (U)')
  })

  it('the CWE picker offers the most used weaknesses in a datalist and lists search results', async () => {
    const catalogue = await loadCweCatalogue()
    const picker = renderToString(<CwePicker t={t} name="cwe" suggestions={searchCwe(catalogue, '')} />)
    expect(picker).toContain('list="cwe-cwe-list"')
    expect(picker).toContain('<option value="CWE-79">')
    expect(picker).toContain('name="intent" value="cwe-search"')
    const results = renderToString(<CwePicker t={t} name="cwe" query="sql injection" suggestions={searchCwe(catalogue, 'sql injection')} />)
    expect(results).toContain('Weaknesses matching &quot;sql injection&quot;')
    expect(results).toContain('<code>CWE-89</code>')
  })
})
