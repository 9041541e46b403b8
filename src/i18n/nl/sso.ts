import type { sso as english } from '../en/sso.js'
import type { Translation } from '../translation.js'

/** Dutch strings of single sign-on (keys and arguments as in ../en/sso.ts). */
export const sso: Translation<typeof english> = {
  'nav.sso': 'Single sign-on',
  'ssoAdmin.title': 'Single sign-on',
  'ssoAdmin.lead':
    'Laat leden inloggen via de OpenID Connect-identiteitsprovider van de organisatie. Registreer Embargo daar als vertrouwelijke client met dit redirectadres:',
  'ssoAdmin.saved': 'Instellingen voor single sign-on opgeslagen.',
  'ssoAdmin.displayName': 'Naam van de provider op de inlogpagina',
  'ssoAdmin.issuer': 'Issuer-URL',
  'ssoAdmin.issuerHint':
    'De issuer-identificator van de provider, bijv. https://login.example.org/realms/security. Embargo leest daar de configuratie van de provider.',
  'ssoAdmin.clientId': 'Client-ID',
  'ssoAdmin.clientSecret': 'Client secret',
  'ssoAdmin.clientSecretHint': 'Versleuteld opgeslagen. Laat leeg om het al opgeslagen secret te houden.',
  'ssoAdmin.domains': 'Toegestane e-maildomeinen',
  'ssoAdmin.domainsHint':
    'De provider mag alleen spreken voor adressen in deze domeinen (precies deze, niet hun subdomeinen), en alleen als hij aangeeft dat het adres geverifieerd is. Scheid ze met spaties.',
  'ssoAdmin.jit': 'Nieuwe mensen die voor het eerst inloggen',
  'ssoAdmin.jit.none': 'Weigeren: leden worden eerst uitgenodigd',
  'ssoAdmin.jit.viewer': 'Toevoegen als kijker',
  'ssoAdmin.jit.responder': 'Toevoegen als behandelaar',
  'ssoAdmin.mfa': 'Multifactorauthenticatie die de provider bevestigt',
  'ssoAdmin.mfa.trust': 'Vertrouwen (amr of acr van het ID-token)',
  'ssoAdmin.mfa.ignore': 'Negeren: leden stellen hier hun eigen tweede factor in',
  'ssoAdmin.enabled': 'Inloggen via de provider',
  'ssoAdmin.enabled.yes': 'Aan',
  'ssoAdmin.enabled.no': 'Uit',
  'ssoAdmin.save': 'Opslaan',
  'sso.fieldProblem.required': 'Dit veld is verplicht.',
  'sso.fieldProblem.https-only': 'De issuer moet een https-adres zijn.',
  'sso.fieldProblem.invalid-url': 'Vul een adres in zoals https://login.example.org, zonder query of fragment.',
  'sso.fieldProblem.invalid-domain': 'Vul domeinen in zoals example.org, gescheiden door spaties.',
  'sso.fieldProblem.invalid': 'Deze waarde kan niet worden gebruikt.',
  'login.sso': 'Of log in via de identiteitsprovider van je organisatie',
  'login.ssoButton': 'Inloggen met {provider} ({org})',
}
