/** Proves that vitest compiles .tsx with preact's automatic runtime, as the views are written. */
import { render } from 'preact-render-to-string'
import { expect, it } from 'vitest'

it('renders JSX through preact and escapes text', () => {
  const name = '<script>alert(1)</script>'
  expect(render(<p class="x">hi {name}</p>)).toBe('<p class="x">hi &lt;script>alert(1)&lt;/script></p>')
})
