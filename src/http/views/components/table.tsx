import type { ComponentChildren } from 'preact'
import { cx } from './class-names.js'

export interface TableProps {
  /** Visible caption, also the accessible name of the scroll region. */
  caption?: string
  head: string[]
  /**
   * On phones, show each row as a stacked block, every cell preceded by its column name
   * (cells must then be `Cell`s with a `label`). Otherwise the table scrolls sideways.
   */
  stack?: boolean
  /** `<tr>` rows, usually of `Cell`s. */
  children?: ComponentChildren
}

/**
 * A data table (the report queue and other lists). Wrapped in a keyboard-focusable region so a
 * wide table can be scrolled without a mouse on a narrow screen.
 */
export function Table({ caption, head, stack, children }: TableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1)
    <section class="table-wrap" aria-label={caption} tabIndex={0}>
      <table class={cx('table', stack && 'table--stack')}>
        {caption ? <caption class="table__caption">{caption}</caption> : null}
        <thead>
          <tr>
            {head.map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  )
}

export interface CellProps {
  /** Column name, shown before the value when a stacked table is read on a phone. */
  label?: string
  /** `ref`: monospace, no wrapping; `title`: the main text, may wrap; `nowrap`: dates and names; `num`: right-aligned. */
  kind?: 'ref' | 'title' | 'nowrap' | 'num'
  /** Make the cell the row's header (`<th scope="row">`), e.g. for the report reference. */
  rowHeader?: boolean
  children?: ComponentChildren
}

/** A table cell that knows its column name (for stacked tables on phones). */
export function Cell({ label, kind, rowHeader, children }: CellProps) {
  const className = cx('table__cell', kind && `table__cell--${kind}`) || undefined
  return rowHeader ? (
    <th scope="row" class={className} data-label={label}>
      {children}
    </th>
  ) : (
    <td class={className} data-label={label}>
      {children}
    </td>
  )
}
