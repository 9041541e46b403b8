/** Strings of the shared view components (layout, navigation, form widgets, badges). */
export const components = {
  'layout.skipToContent': 'Skip to content',
  'layout.productName': 'Embargo',
  'layout.homeLink': 'Embargo home',
  'layout.signOut': 'Sign out',
  'layout.signIn': 'Sign in',
  'layout.signedInAs': 'Signed in as {name}',
  'layout.mainNav': 'Main',
  'layout.organization': 'Organization',
  'layout.footer': 'Embargo — coordinated vulnerability disclosure',
  'layout.language': 'Language',
  'table.actions': 'Actions',
  'field.required': 'required',
  'pagination.label': 'Pagination',
  'pagination.previous': 'Previous page',
  'pagination.next': 'Next page',
} as const
