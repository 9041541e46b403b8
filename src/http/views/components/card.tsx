import type { ComponentChildren } from 'preact'
import { cx } from './class-names.js'

export interface CardProps {
  /** Rendered as the card's `<h2>`. */
  title?: ComponentChildren
  tone?: 'default' | 'muted'
  children?: ComponentChildren
}

/** A bordered surface grouping related content. Titled cards are `<section>`s; untitled ones plain `<div>`s. */
export function Card({ title, tone = 'default', children }: CardProps) {
  const className = cx('card', tone === 'muted' && 'card--muted')
  if (title === undefined || title === null || title === '') return <div class={className}>{children}</div>
  return (
    <section class={className}>
      <h2 class="card__title">{title}</h2>
      <div class="card__body">{children}</div>
    </section>
  )
}
