/** Strings of the shared view components (layout, navigation, form widgets, badges). */
export const components = {
  'layout.skipToContent': 'Skip to content',
  'layout.productName': 'Embargo',
  'layout.signOut': 'Sign out',
  'layout.signIn': 'Sign in',
  'layout.footer': 'Embargo — coordinated vulnerability disclosure',
} as const
