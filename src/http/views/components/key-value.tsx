import type { ComponentChildren } from 'preact'

export interface KeyValueItem {
  label: string
  value: ComponentChildren
}

/** Label / value pairs (a report's fields) as a definition list: two columns on wide screens, stacked on phones. */
export function KeyValue({ items }: { items: KeyValueItem[] }) {
  return (
    <dl class="kv">
      {items.map((item) => (
        <div class="kv__row" key={item.label}>
          <dt class="kv__label">{item.label}</dt>
          <dd class="kv__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  )
}
