import type { ComponentChildren } from 'preact'

export interface TimelineItem {
  /** ISO-8601 instant, for `<time datetime>`. */
  at: string
  /** The same instant for the reader: text (wrapped in `<time>` here) or an element that is its own `<time>` (`<TeamTime>`). */
  atLabel: ComponentChildren
  actor: string
  text: string
}

/** What happened to a report, oldest first, as an ordered list. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol class="timeline">
      {items.map((item, index) => (
        <li class="timeline__item" key={`${item.at}-${index}`}>
          <span class="timeline__marker" aria-hidden="true" />
          <div class="timeline__content">
            <p class="timeline__text">
              <span class="timeline__actor">{item.actor}</span> {item.text}
            </p>
            {typeof item.atLabel === 'string' ? (
              <time class="timeline__time" dateTime={item.at}>
                {item.atLabel}
              </time>
            ) : (
              <span class="timeline__time">{item.atLabel}</span>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
