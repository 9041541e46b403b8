import type { components as english } from '../en/components.js'
import type { Translation } from '../translation.js'

/** Dutch strings of the shared view components (keys and arguments as in ../en/components.ts). */
export const components: Translation<typeof english> = {
  'layout.skipToContent': 'Naar de inhoud',
  'layout.productName': 'Embargo',
  'layout.homeLink': 'Embargo-startpagina',
  'layout.signOut': 'Uitloggen',
  'layout.signIn': 'Inloggen',
  'layout.signedInAs': 'Ingelogd als {name}',
  'layout.mainNav': 'Hoofdmenu',
  'layout.organization': 'Organisatie',
  'layout.footer': 'Embargo — gecoördineerde openbaarmaking van kwetsbaarheden',
  'layout.language': 'Taal',
  'table.actions': 'Acties',
  'field.required': 'verplicht',
  'pagination.label': 'Paginering',
  'pagination.previous': 'Vorige pagina',
  'pagination.next': 'Volgende pagina',
}
