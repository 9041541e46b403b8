import type { Translator } from '../../../i18n/messages.js'
import { Icon } from './icons.js'

export interface PaginationProps {
  prevHref?: string
  nextHref?: string
  t: Translator
}

/** Previous / next links for a long list (cursor-based: no page numbers). Renders nothing when there is one page. */
export function Pagination({ prevHref, nextHref, t }: PaginationProps) {
  if (!prevHref && !nextHref) return null
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {prevHref ? (
        <a class="btn btn--secondary pagination__prev" href={prevHref} rel="prev">
          <Icon name="chevron-left" />
          {t('pagination.previous')}
        </a>
      ) : null}
      {nextHref ? (
        <a class="btn btn--secondary pagination__next" href={nextHref} rel="next">
          {t('pagination.next')}
          <Icon name="chevron-right" />
        </a>
      ) : null}
    </nav>
  )
}
