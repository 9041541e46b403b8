import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * WCAG AA contrast of the design tokens, in both themes: 4.5:1 for text, 3:1 for borders and
 * focus rings that users must see. Reads the two `:root` blocks of public/styles.css.
 */
const css = readFileSync(new URL('../../../public/styles.css', import.meta.url), 'utf8')

function block(from: number, end: string): string {
  const start = css.indexOf(':root {', from)
  return css.slice(start, css.indexOf(end, start))
}

function tokens(source: string): Map<string, string> {
  return new Map([...source.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]))
}

const themes = {
  light: tokens(block(0, '\n}')),
  dark: tokens(block(css.indexOf('@media (prefers-color-scheme: dark)'), '\n  }')),
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function ratio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

const surfaces = ['color-bg', 'color-surface', 'color-surface-muted', 'color-surface-hover']
const statuses = [
  'new',
  'acknowledged',
  'triaged',
  'accepted',
  'fixing',
  'fixed',
  'disclosed',
  'rejected',
  'duplicate',
  'closed',
  'unknown',
]
const tones = ['info', 'success', 'warning', 'danger']

const textPairs: Array<[string, string]> = [
  ...surfaces.map((bg): [string, string] => ['color-text', bg]),
  ...surfaces.map((bg): [string, string] => ['color-text-muted', bg]),
  ...tones.map((tone): [string, string] => ['color-text', `color-${tone}-bg`]),
  ...tones.map((tone): [string, string] => [`color-${tone}-text`, `color-${tone}-bg`]),
  ...statuses.map((s): [string, string] => [`status-${s}-text`, `status-${s}-bg`]),
  ['color-link', 'color-bg'],
  ['color-link', 'color-surface'],
  ['color-link', 'color-surface-muted'],
  ['color-link-visited', 'color-surface'],
  ['color-on-accent', 'color-accent'],
  ['color-on-accent', 'color-accent-hover'],
  ['color-on-danger', 'color-danger'],
  ['color-on-danger', 'color-danger-hover'],
  ['color-danger-text', 'color-surface'],
  ['color-danger-text', 'color-bg'],
  ['color-text', 'color-internal-bg'],
  ['color-internal-text', 'color-internal-bg'],
]

const uiPairs: Array<[string, string]> = [
  ['color-border-strong', 'color-surface'],
  ['color-border-strong', 'color-bg'],
  ['color-focus', 'color-surface'],
  ['color-focus', 'color-bg'],
  ['color-accent', 'color-surface'],
  ['color-internal-border', 'color-internal-bg'],
]

describe.each(Object.entries(themes))('%s theme', (_name, theme) => {
  const get = (token: string): string => {
    const value = theme.get(token)
    if (!value) throw new Error(`token --${token} is missing`)
    return value
  }

  it.each(textPairs)('text --%s on --%s reaches 4.5:1', (fg, bg) => {
    expect(ratio(get(fg), get(bg))).toBeGreaterThanOrEqual(4.5)
  })

  it.each(uiPairs)('ui --%s against --%s reaches 3:1', (fg, bg) => {
    expect(ratio(get(fg), get(bg))).toBeGreaterThanOrEqual(3)
  })

  it('defines a colour for every status badge', () => {
    for (const status of statuses) expect(css).toContain(`.badge--${status} {`)
  })
})
