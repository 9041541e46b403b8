import type { ComponentChildren } from 'preact'
import { cx } from './class-names.js'
import { Icon } from './icons.js'
import { Markdown } from './markdown-html.js'

export interface ThreadMessageProps {
  author: string
  authorKind: 'reporter' | 'responder' | 'system'
  /** `internal`: seen by the team only; rendered with a tinted background and a labelled marker. */
  visibility: 'reporter' | 'internal'
  at: string
  /** The instant for the reader: text (wrapped in `<time>` here) or an element that is its own `<time>` (`<TeamTime>`, `<ReporterTime>`). */
  atLabel: ComponentChildren
  /** Already-sanitized Markdown HTML. */
  html: string
  /** Text of the marker on internal notes, e.g. "Internal note — not visible to the reporter". */
  internalLabel: string
  /** Optional role text shown after the author ("Reporter", "Responder"). */
  authorKindLabel?: string
}

/** One message in a report's conversation. Internal notes differ in tint, border style, icon and text. */
export function ThreadMessage({ author, authorKind, visibility, at, atLabel, html, internalLabel, authorKindLabel }: ThreadMessageProps) {
  const internal = visibility === 'internal'
  return (
    <article class={cx('thread-message', `thread-message--${authorKind}`, internal && 'thread-message--internal')}>
      {internal ? (
        <p class="thread-message__internal">
          <Icon name="lock" />
          <span>{internalLabel}</span>
        </p>
      ) : null}
      <header class="thread-message__header">
        <span class="thread-message__author">{author}</span>
        {authorKindLabel ? <span class="thread-message__kind">{authorKindLabel}</span> : null}
        {typeof atLabel === 'string' ? (
          <time class="thread-message__time" dateTime={at}>
            {atLabel}
          </time>
        ) : (
          <span class="thread-message__time">{atLabel}</span>
        )}
      </header>
      <Markdown html={html} />
    </article>
  )
}
