import type { mfa as english } from '../en/mfa.js'
import type { Translation } from '../translation.js'

/** Dutch strings of second factors (keys and arguments as in ../en/mfa.ts). */
export const mfa: Translation<typeof english> = {
  // Second step of signing in
  'secondStep.title': 'Tweede stap',
  'secondStep.lead': 'Je wachtwoord klopte. Bevestig nu met je tweede factor dat jij het bent.',
  'secondStep.totp.title': 'Code uit je authenticator-app',
  'secondStep.totp.code': 'Code van zes cijfers',
  'secondStep.totp.submit': 'Code controleren',
  'secondStep.passkey.title': 'Passkey of beveiligingssleutel',
  'secondStep.passkey.submit': 'Een passkey gebruiken',
  'secondStep.recovery.title': 'Apparaat kwijt? Gebruik een herstelcode',
  'secondStep.recovery.code': 'Herstelcode',
  'secondStep.recovery.submit': 'Herstelcode gebruiken',
  'secondStep.wrong': 'Dat klopte niet. Probeer het opnieuw.',
  'secondStep.usedUp': 'Te veel verkeerde antwoorden. Log opnieuw in met je wachtwoord.',
  'secondStep.expired': 'Deze inlogpoging is verlopen. Log opnieuw in met je wachtwoord.',
  'secondStep.throttled': 'Te veel verkeerde tweede factoren voor dit account. Wacht 15 minuten en log dan opnieuw in.',
  'secondStep.cancel': 'Opnieuw beginnen',

  // Passkeys in the browser (the one script)
  'passkey.needsJavaScript': 'Passkeys hebben in deze browser JavaScript nodig; de andere opties werken ook zonder.',
  'passkey.unsupported': 'Deze browser kan geen passkeys gebruiken.',
  'passkey.failed': 'De passkey is niet gebruikt (geannuleerd, verlopen of niet beschikbaar). Probeer het opnieuw.',

  // The account's security page
  'security.title': 'Inlogbeveiliging',
  'security.lead':
    'Een tweede factor houdt je account veilig als je wachtwoord dat niet meer is: een authenticator-app, een passkey, en herstelcodes voor als je die kwijtraakt.',
  'security.required':
    'Een organisatie waar je lid van bent vereist een tweede factor: {orgs}. Stel er hier een in; zolang je er niet mee inlogt, laat die organisatie je niets zien.',
  'security.reSignIn': 'Je hebt een tweede factor, maar deze sessie is zonder ingelogd. Log uit en log opnieuw in met je tweede factor.',
  'security.totp.title': 'Authenticator-app',
  'security.totp.on': 'Aan: bij het inloggen wordt om een code uit je app gevraagd.',
  'security.totp.off': 'Niet ingesteld.',
  'security.totp.start': 'Een authenticator-app instellen',
  'security.totp.remove': 'De authenticator-app verwijderen',
  'security.passkeys.title': 'Passkeys',
  'security.passkeys.none': 'Nog geen passkey.',
  'security.passkeys.add': 'Een passkey toevoegen',
  'security.passkeys.added': 'Toegevoegd op {date}',
  'security.passkeys.remove': 'Verwijderen',
  'security.recovery.title': 'Herstelcodes',
  'security.recovery.count': '{n, plural, one {# ongebruikte herstelcode.} other {# ongebruikte herstelcodes.}}',
  'security.recovery.none': 'Geen herstelcodes. Ze worden gemaakt wanneer je je eerste tweede factor instelt.',
  'security.recovery.regenerate': 'Nieuwe herstelcodes maken (de oude werken dan niet meer)',
  'security.password': 'Je wachtwoord (om te bevestigen dat jij het bent)',
  'security.passwordWrong': 'Het wachtwoord is onjuist; er is niets gewijzigd.',
  'security.stepUp': 'Log eerst in met je tweede factor; er is niets gewijzigd.',
  'security.done.totp-added': 'De authenticator-app is ingesteld.',
  'security.done.totp-removed': 'De authenticator-app is verwijderd.',
  'security.done.passkey-added': 'De passkey is toegevoegd.',
  'security.done.passkey-removed': 'De passkey is verwijderd.',
  'security.done.problem': 'Er is niets gewijzigd: {problem}',

  'totpSetup.title': 'Een authenticator-app instellen',
  'totpSetup.scan':
    'Scan deze code met je authenticator-app (bijvoorbeeld FreeOTP, Aegis of 1Password), of typ de sleutel hieronder over in de app.',
  'totpSetup.qrLabel': 'QR-code van de authenticatorsleutel',
  'totpSetup.key': 'Sleutel (als je niet kunt scannen)',
  'totpSetup.code': 'De code van zes cijfers die je app nu toont',
  'totpSetup.confirm': 'Bevestigen',
  'totpSetup.wrong': 'Die code klopte niet. Controleer de tijd op je apparaat en probeer de huidige code.',

  'passkeySetup.title': 'Een passkey toevoegen',
  'passkeySetup.lead': 'Je browser vraagt je een passkey te maken met dit apparaat, een telefoon of een beveiligingssleutel.',
  'passkeySetup.name': 'Geef hem een naam (om hem later te herkennen)',
  'passkeySetup.submit': 'Passkey maken',
  'passkeySetup.failed': 'De passkey kon niet worden toegevoegd. Probeer het opnieuw.',

  'recoveryCodes.title': 'Je herstelcodes',
  'recoveryCodes.label': 'Herstelcodes (alleen deze ene keer getoond)',
  'recoveryCodes.note':
    'Bewaar ze op een veilige plek, los van je apparaten. Elke herstelcode werkt één keer, in plaats van een code of passkey.',
  'recoveryCodes.gone': 'Herstelcodes worden maar één keer getoond; deze zijn al getoond. Maak nieuwe als je ze kwijt bent.',
  'recoveryCodes.back': 'Terug naar inlogbeveiliging',

  'home.security': 'Inlogbeveiliging (tweede factoren)',
}
