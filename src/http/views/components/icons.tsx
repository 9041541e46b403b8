/**
 * Small inline SVG icons (no external assets, no `style` attributes). They are decorative:
 * every icon sits next to text that carries the same meaning, so they are hidden from assistive tech.
 */
export type IconName = 'info' | 'success' | 'warning' | 'danger' | 'lock' | 'key' | 'shield' | 'chevron-left' | 'chevron-right'

const paths: Record<IconName, string> = {
  info: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM8 7v4.5M8 4.75v.5',
  success: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM5 8.25l2 2 4-4.5',
  warning: 'M8 1.75 1.25 13.75h13.5L8 1.75ZM8 6.25v3.5M8 11.5v.5',
  danger: 'M5.25 1.5h5.5l3.75 3.75v5.5l-3.75 3.75h-5.5L1.5 10.75v-5.5L5.25 1.5ZM5.75 5.75l4.5 4.5M10.25 5.75l-4.5 4.5',
  lock: 'M3.5 7.25h9v7h-9v-7ZM5.25 7.25V5a2.75 2.75 0 0 1 5.5 0v2.25M8 10v1.5',
  key: 'M5.5 7.25a3.25 3.25 0 1 0 0 6.5 3.25 3.25 0 0 0 0-6.5ZM7.8 8.2 14 2M11.5 4.5l2 2M9.75 6.25l1.5 1.5',
  shield: 'M8 1.25 2.25 3.5v4.25c0 3.5 2.5 5.9 5.75 7 3.25-1.1 5.75-3.5 5.75-7V3.5L8 1.25ZM5.5 8l1.75 1.75L10.75 6',
  'chevron-left': 'M10 3 5 8l5 5',
  'chevron-right': 'M6 3l5 5-5 5',
}

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  )
}
