import type { sso as english } from '../en/sso.js'
import type { Translation } from '../translation.js'

/** German strings of single sign-on (keys and arguments as in ../en/sso.ts). */
export const sso: Translation<typeof english> = {
  'nav.sso': 'Single Sign-on',
  'ssoAdmin.title': 'Single Sign-on',
  'ssoAdmin.lead':
    'Lassen Sie Mitglieder sich über den OpenID-Connect-Identitätsanbieter der Organisation anmelden. Registrieren Sie Embargo dort als vertraulichen Client mit dieser Weiterleitungsadresse:',
  'ssoAdmin.saved': 'Einstellungen für Single Sign-on gespeichert.',
  'ssoAdmin.displayName': 'Name des Anbieters auf der Anmeldeseite',
  'ssoAdmin.issuer': 'Issuer-URL',
  'ssoAdmin.issuerHint':
    'Die Issuer-Kennung des Anbieters, z. B. https://login.example.org/realms/security. Embargo liest dort die Konfiguration des Anbieters.',
  'ssoAdmin.clientId': 'Client-ID',
  'ssoAdmin.clientSecret': 'Client-Secret',
  'ssoAdmin.clientSecretHint': 'Verschlüsselt gespeichert. Leer lassen, um das bereits gespeicherte zu behalten.',
  'ssoAdmin.domains': 'Zugelassene E-Mail-Domains',
  'ssoAdmin.domainsHint':
    'Der Anbieter darf nur für Adressen in diesen Domains sprechen (genau diese, nicht ihre Subdomains), und nur, wenn er angibt, dass die Adresse verifiziert ist. Trennen Sie sie durch Leerzeichen.',
  'ssoAdmin.jit': 'Neue Personen bei ihrer ersten Anmeldung',
  'ssoAdmin.jit.none': 'Ablehnen: Mitglieder werden zuerst eingeladen',
  'ssoAdmin.jit.viewer': 'Mit Lesezugriff hinzufügen',
  'ssoAdmin.jit.responder': 'Mit Bearbeitungsrechten hinzufügen',
  'ssoAdmin.mfa': 'Vom Anbieter bestätigte Mehr-Faktor-Authentifizierung',
  'ssoAdmin.mfa.trust': 'Vertrauen (amr oder acr des ID-Tokens)',
  'ssoAdmin.mfa.ignore': 'Ignorieren: Mitglieder richten hier ihren eigenen zweiten Faktor ein',
  'ssoAdmin.enabled': 'Anmeldung über den Anbieter',
  'ssoAdmin.enabled.yes': 'Ein',
  'ssoAdmin.enabled.no': 'Aus',
  'ssoAdmin.save': 'Speichern',
  'sso.fieldProblem.required': 'Dieses Feld ist erforderlich.',
  'sso.fieldProblem.https-only': 'Der Issuer muss eine https-Adresse sein.',
  'sso.fieldProblem.invalid-url': 'Geben Sie eine Adresse wie https://login.example.org ein, ohne Query oder Fragment.',
  'sso.fieldProblem.invalid-domain': 'Geben Sie Domains wie example.org ein, getrennt durch Leerzeichen.',
  'sso.fieldProblem.invalid': 'Dieser Wert kann nicht verwendet werden.',
  'login.sso': 'Oder melden Sie sich über den Identitätsanbieter Ihrer Organisation an',
  'login.ssoButton': 'Mit {provider} anmelden ({org})',
}
