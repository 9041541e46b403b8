import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from '@babel/parser'
import { describe, expect, it } from 'vitest'

/**
 * Every word a page shows comes from the message catalogue (issue 14 item 9): the views are read
 * as syntax trees, and text written straight into them — JSX text, a quoted prop that people read
 * (label, hint, title, placeholder, alt, aria-label…), a quoted string or template as a child — is
 * reported with its place. Names that are the same in every language (formats, standards, the
 * product) are allowed below, and so is code shown as code (`<pre>`, `<code>`).
 */
const root = new URL('../../../', import.meta.url).pathname
const sourceRoot = join(root, 'src')

/** Props whose value a person reads. */
const readProps = new Set([
  'title',
  'label',
  'hint',
  'placeholder',
  'aria-label',
  'alt',
  'legend',
  'description',
  'text',
  'summary',
  'caption',
  'heading',
  'message',
  'aria-description',
  'lead',
  'emptyText',
])

/** Text that is the same in every language: names of formats, standards and the product; symbols. */
const sameEverywhere = new Set([
  'Embargo',
  'SECURITY.md',
  'security.txt',
  'OSV',
  'CSAF',
  'CVE JSON 5',
  'CVE',
  'CVSS',
  'CWE',
  'GCVE',
  'JSON',
  'Atom',
  'OpenPGP',
  'Markdown',
  'YAML',
  'PGP/MIME',
  'TOTP',
  'OpenAPI',
  'CVSS 3.1',
  'CVSS 4.0',
])

function* viewFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* viewFiles(path)
    else if (entry.name.endsWith('.tsx')) yield path
  }
}

/** Whether a text holds words (two letters in a row) that are not a name the same in every language. */
function isWords(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim()
  if (trimmed === '' || sameEverywhere.has(trimmed)) return false
  const rest = [...sameEverywhere].reduce((s, name) => s.replaceAll(name, ''), trimmed)
  return /\p{L}{2,}/u.test(rest)
}

interface Node {
  type: string
  loc?: { start: { line: number } }
  [key: string]: unknown
}

function findings(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const ast = parse(source, { sourceType: 'module', plugins: ['typescript', 'jsx'] }) as unknown as Node
  const found: string[] = []
  const at = (node: Node, what: string) => found.push(`${relative(root, file)}:${node.loc?.start.line}: ${what}`)
  const literalText = (node: Node | undefined): string | undefined => {
    if (!node) return undefined
    if (node.type === 'StringLiteral') return node.value as string
    if (node.type === 'TemplateLiteral') return (node.quasis as Node[]).map((q) => (q.value as { cooked: string }).cooked).join(' ')
    return undefined
  }
  const visit = (node: unknown, parent?: Node): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent)
      return
    }
    const n = node as Node
    // Code shown as code (policy YAML in a <pre>, a value in <code>) is the same in every language.
    if (
      n.type === 'JSXElement' &&
      ['pre', 'code', 'kbd', 'samp'].includes((((n.openingElement as Node).name as Node).name as string) ?? '')
    )
      return
    if (n.type === 'JSXText' && isWords(n.value as string)) at(n, JSON.stringify((n.value as string).trim()))
    if (n.type === 'JSXAttribute') {
      const name = (n.name as Node).type === 'JSXIdentifier' ? ((n.name as Node).name as string) : ''
      const value = n.value as Node | null
      const text = value?.type === 'JSXExpressionContainer' ? literalText(value.expression as Node) : literalText(value ?? undefined)
      if (readProps.has(name) && text !== undefined && isWords(text)) at(n, `${name}=${JSON.stringify(text)}`)
    }
    if (n.type === 'JSXExpressionContainer' && parent && (parent.type === 'JSXElement' || parent.type === 'JSXFragment')) {
      const text = literalText(n.expression as Node)
      if (text !== undefined && isWords(text)) at(n, `{${JSON.stringify(text)}}`)
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'leadingComments' || key === 'trailingComments') continue
      if (value && typeof value === 'object') visit(value, n)
    }
  }
  visit(ast)
  return found
}

describe('every string a page shows', () => {
  it('comes from the message catalogue, never written into a view', () => {
    const all = [...viewFiles(sourceRoot)].flatMap(findings)
    expect(all).toEqual([])
  })

  it('finds text written into a view (the check itself)', () => {
    // A view with a stray sentence, a read prop and a quoted child must be reported, three times.
    const probe = join(root, 'test/unit/i18n/fixtures/stray-text.tsx')
    expect(findings(probe)).toHaveLength(3)
  })
})
