/**
 * The notice to users the Act asks for once the manufacturer is aware (Art. 14(8)): drafted from
 * the advisory's public content, with its CSAF document as the machine-readable form. Pure: the
 * team reviews the text; sending it through announcement channels is another feature's job.
 */
export interface NoticeAdvisory {
  ownId: string
  title: string
  summary: string
  workarounds: string
  /** "vendor product" or package names, with the versions fixed. */
  products: { name: string; fixed: string[] }[]
  cve?: string | undefined
  /** The public advisory page, once published. */
  url?: string | undefined
  /** The CSAF document, once published. */
  csafUrl?: string | undefined
}

export interface UserNotice {
  subject: string
  /** Markdown. */
  body: string
  machineReadable?: string | undefined
}

export function draftUserNotice(orgName: string, kind: 'vulnerability' | 'incident', a: NoticeAdvisory): UserNotice {
  const what = kind === 'vulnerability' ? 'an actively exploited vulnerability' : 'a severe incident'
  const ids = [a.ownId, a.cve].filter(Boolean).join(', ')
  const lines = [
    `${orgName} informs the users of the products below about ${what} (${ids}).`,
    '',
    a.summary.trim(),
    '',
    '**Affected products**',
    '',
    ...a.products.map((p) => `- ${p.name}${p.fixed.length ? ` (fixed in ${p.fixed.join(', ')})` : ''}`),
  ]
  if (a.products.some((p) => p.fixed.length > 0)) lines.push('', '**What to do**', '', 'Update to a fixed version as soon as possible.')
  if (a.workarounds.trim() !== '') lines.push('', '**Until you can update**', '', a.workarounds.trim())
  if (a.url) lines.push('', `The advisory: ${a.url}`)
  if (a.csafUrl) lines.push(`Machine-readable (CSAF 2.0): ${a.csafUrl}`)
  return { subject: `Security notice: ${a.title}`, body: `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`, machineReadable: a.csafUrl }
}
