import type { ComponentChildren, VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { type Locale, supportedLocales, type Translator } from '../../../i18n/messages.js'
import type { Flash as FlashMessage } from '../../flash.js'
import type { PageLanguages } from '../page-context.js'
import { cx } from './class-names.js'
import { Flash } from './flash.js'
import { HiddenInput } from './hidden-input.js'
import { Icon } from './icons.js'

export interface NavItem {
  href: string
  label: string
  current?: boolean
}

export interface LayoutProps {
  /** Page title; the document title becomes `{title} · Embargo`. */
  title: string
  t: Translator
  user?: { name: string } | null
  org?: { slug: string; name: string } | null
  nav?: NavItem[]
  /** CSRF token for the sign-out form (rendered only when `user` is given). */
  csrfToken?: string
  /** When there is no user and this is given, the header shows a sign-in link to it. */
  signInHref?: string
  /** The footer's language links (the page context's `languages`); none when not given. */
  languages?: PageLanguages | undefined
  /** The outcome of the form that led here (the page context's `flash`), shown once above the page. */
  flash?: FlashMessage | null | undefined
  children?: ComponentChildren
}

/** The whole page: `<html>` with head, skip link, header bar, `<main id="main">` and footer. Render with `renderPage`. */
export function Layout({ title, t, user, org, nav, csrfToken, signInHref, languages, flash, children }: LayoutProps) {
  const product = t('layout.productName')
  return (
    <html lang={t.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · ${product}`}</title>
        <link rel="stylesheet" href="/static/styles.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner container">
            <div class="site-header__brand">
              <a class="brand" href="/" aria-label={t('layout.homeLink')}>
                <Icon name="shield" class="brand__mark" />
                <span class="brand__name">{product}</span>
              </a>
              {org ? (
                <span class="site-header__org">
                  <span class="visually-hidden">{`${t('layout.organization')}: `}</span>
                  {org.name}
                </span>
              ) : null}
            </div>
            {nav && nav.length > 0 ? (
              <nav class="site-nav" aria-label={t('layout.mainNav')}>
                <ul class="site-nav__list">
                  {nav.map((item) => (
                    <li key={item.href}>
                      <a
                        class={cx('site-nav__link', item.current && 'site-nav__link--current')}
                        href={item.href}
                        aria-current={item.current ? 'page' : undefined}
                      >
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {user ? (
              <div class="site-header__user">
                <span class="site-header__username">
                  <span class="visually-hidden">{t('layout.signedInAs', { name: user.name })}</span>
                  <span aria-hidden="true">{user.name}</span>
                </span>
                <a class="btn btn--ghost btn--small" href="/account">
                  {t('account.link')}
                </a>
                <form method="post" action="/logout" class="site-header__signout">
                  <HiddenInput name="_csrf" value={csrfToken ?? ''} />
                  <button type="submit" class="btn btn--ghost btn--small">
                    {t('layout.signOut')}
                  </button>
                </form>
              </div>
            ) : signInHref ? (
              <div class="site-header__user">
                <a class="btn btn--secondary btn--small" href={signInHref}>
                  {t('layout.signIn')}
                </a>
              </div>
            ) : null}
          </div>
        </header>
        <main id="main" class="site-main container" tabIndex={-1}>
          <Flash flash={flash} />
          {children}
        </main>
        <footer class="site-footer">
          <div class="container site-footer__inner">
            <span>{t('layout.footer')}</span>
            <LanguageLinks t={t} languages={languages} />
          </div>
        </footer>
      </body>
    </html>
  )
}

/** Each language named in itself ("Deutsch"), worked out once rather than on every page. */
const autonyms = Object.fromEntries(
  supportedLocales.map((l) => [l, new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l]),
) as Record<Locale, string>

/** Each language the page can be read in, named in itself ("Deutsch"), as a plain link: no JavaScript needed. */
function LanguageLinks({ t, languages }: { t: Translator; languages: PageLanguages | undefined }) {
  if (!languages || languages.offered.length < 2) return null
  return (
    <nav class="language-links" aria-label={t('layout.language')}>
      <ul>
        {languages.offered.map((locale) => (
          <li key={locale}>
            <a
              href={languages.here === null ? `/language/${locale}` : `/language/${locale}?to=${encodeURIComponent(languages.here)}`}
              lang={locale}
              hreflang={locale}
              aria-current={locale === languages.current ? 'true' : undefined}
            >
              {autonyms[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Serializes a page tree (normally a `<Layout>`) to an HTML document string. */
export function renderPage(vnode: VNode<any>): string {
  return `<!doctype html>${renderToString(vnode)}`
}
