/**
 * Every value the policy file accepts acts somewhere: the schema's leaves and the table
 * "Leaf → where it acts" in docs/policy.md must agree, and every file the table names must exist
 * and mention the leaf's key. A leaf nobody reads is either made to act or removed from the schema.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { TSchema } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { Policy } from '../../../src/domain/policy/schema.js'

const root = path.resolve(import.meta.dirname, '../../..')

/** Every leaf path of a schema: `process[].visibleTo[]`; a union of words is one leaf. */
function schemaLeaves(schema: TSchema, at = ''): string[] {
  const s = schema as TSchema & { anyOf?: TSchema[]; properties?: Record<string, TSchema>; items?: TSchema }
  if (s.anyOf) {
    const nested = s.anyOf.filter((o) => o.type === 'object' || o.type === 'array')
    return nested.length === 0 ? [at] : [...new Set(nested.flatMap((o) => schemaLeaves(o, at)))]
  }
  if (s.type === 'object' && s.properties)
    return Object.entries(s.properties).flatMap(([key, value]) => schemaLeaves(value, at ? `${at}.${key}` : key))
  if (s.type === 'array' && s.items) return schemaLeaves(s.items, `${at}[]`)
  return [at]
}

interface Row {
  leaf: string
  places: string[]
}

/** The rows of the one table under "## Leaf → where it acts". */
function leafTable(markdown: string): Row[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Leaf → where it acts'))
  if (!section) throw new Error('docs/policy.md has no "Leaf → where it acts" section')
  return section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => {
      // | `leaf` | `file`, `file` | what it does |: only the second column names places.
      const [leafCell = '', placeCell = ''] = line.replace(/^\|/, '').split(' | ')
      const leaf = leafCell.trim().replace(/`/g, '')
      const places = [...placeCell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')
      return { leaf, places }
    })
}

const keyOf = (leaf: string): string => leaf.replace(/\[\]/g, '').split('.').at(-1) ?? leaf

function mentions(file: string, key: string): boolean {
  const full = path.join(root, file)
  const texts = fs.statSync(full).isDirectory()
    ? fs.readdirSync(full, { recursive: true, encoding: 'utf8' }).flatMap((f) => {
        const p = path.join(full, f)
        return fs.statSync(p).isFile() ? [fs.readFileSync(p, 'utf8')] : []
      })
    : [fs.readFileSync(full, 'utf8')]
  const word = new RegExp(`\\b${key.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`)}\\b`)
  return texts.some((t) => word.test(t))
}

const leaves = schemaLeaves(Policy)
const rows = leafTable(fs.readFileSync(path.join(root, 'docs/policy.md'), 'utf8'))

describe('every value the policy file accepts is used', () => {
  it('the walk finds the leaves a policy author writes', () => {
    expect(leaves).toContain('process[].visibleTo[]')
    expect(leaves).toContain('disclosure.earlyDisclosure.leadTime')
    expect(leaves).toContain('clocks.bySeverity[].clocks.acknowledge')
    expect(leaves).not.toContain('disclosure')
  })

  it('every leaf of the schema has a row saying where it acts', () => {
    const documented = new Set(rows.map((r) => r.leaf))
    expect(leaves.filter((l) => !documented.has(l))).toEqual([])
  })

  it('no row names a leaf the schema does not have, and none twice', () => {
    const known = new Set(leaves)
    expect(rows.map((r) => r.leaf).filter((l) => !known.has(l))).toEqual([])
    expect(rows.map((r) => r.leaf).filter((l, i, all) => all.indexOf(l) !== i)).toEqual([])
  })

  it('every row names at least one place, and each place exists and mentions the leaf', () => {
    const wrong = rows.flatMap((row) => {
      if (row.places.length === 0) return [`${row.leaf}: names no file`]
      return row.places.flatMap((place) => {
        if (!fs.existsSync(path.join(root, place))) return [`${row.leaf}: ${place} does not exist`]
        return mentions(place, keyOf(row.leaf)) ? [] : [`${row.leaf}: ${place} never mentions ${keyOf(row.leaf)}`]
      })
    })
    expect(wrong).toEqual([])
  })
})
