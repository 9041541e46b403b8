/**
 * The shape of a translated catalogue file: exactly the keys of its English file, each a message
 * in ICU MessageFormat (`{name}`, `{count, plural, one {# day} other {# days}}`), with the same
 * arguments as the English one (test/unit/i18n/catalogues.test.ts holds that).
 */
export type Translation<English> = { readonly [Key in keyof English]: string }
