import type { components as english } from '../en/components.js'
import type { Translation } from '../translation.js'

/** German strings of the shared view components (keys and arguments as in ../en/components.ts). */
export const components: Translation<typeof english> = {
  'layout.skipToContent': 'Zum Inhalt springen',
  'layout.productName': 'Embargo',
  'layout.homeLink': 'Embargo-Startseite',
  'layout.signOut': 'Abmelden',
  'layout.signIn': 'Anmelden',
  'layout.signedInAs': 'Angemeldet als {name}',
  'layout.mainNav': 'Hauptmenü',
  'layout.organization': 'Organisation',
  'layout.footer': 'Embargo – koordinierte Veröffentlichung von Schwachstellen',
  'layout.language': 'Sprache',
  'table.actions': 'Aktionen',
  'field.required': 'erforderlich',
  'pagination.label': 'Seitennavigation',
  'pagination.previous': 'Vorherige Seite',
  'pagination.next': 'Nächste Seite',
}
