import fs from 'node:fs'
import { expect, it } from 'vitest'
import { settings } from '../../../src/config.js'
import { accessNames } from '../../../src/domain/access/route-rules.js'

/** The README is part of the product: it must name every setting and every access rule the code has. */
const readme = fs.readFileSync('README.md', 'utf8')

it('documents every configuration setting (regenerate with `npx embargo config --markdown`)', () => {
  const missing = settings.map((s) => s.name).filter((name) => !readme.includes(`\`${name}\``))
  expect(missing).toEqual([])
})

it('documents every access rule', () => {
  expect(accessNames.filter((name) => !readme.includes(`| \`${name}\` |`))).toEqual([])
})
