import type { accounts as english } from '../en/accounts.js'
import type { Translation } from '../translation.js'

/** Dutch strings of the accounts feature (keys and arguments as in ../en/accounts.ts). */
export const accounts: Translation<typeof english> = {
  'mail.subject.account.invitation': 'Je bent uitgenodigd voor een securityteam',
  'mail.body.account.invitation':
    'Hallo,\n\nje bent uitgenodigd om lid te worden van het securityteam van {org} op Embargo. Open deze link om de uitnodiging te accepteren (houd hem geheim; hij werkt één keer en 7 dagen lang):\n\n{link}\n\nZonder account kies je daar je eigen wachtwoord; met een account log je in en accepteer je. Als je dit niet verwachtte, negeer deze e-mail dan.\n',
  'mail.subject.account.password-reset': 'Je wachtwoord opnieuw instellen',
  'mail.body.account.password-reset':
    'Hallo,\n\niemand heeft gevraagd het wachtwoord van je Embargo-account opnieuw in te stellen. Open deze link om een nieuw wachtwoord te kiezen (hij werkt één keer en 30 minuten lang):\n\n{link}\n\nAls jij dit niet was, negeer deze e-mail dan: je wachtwoord blijft zoals het is.\n',

  'fieldProblem.mismatch': 'De twee wachtwoorden verschillen.',
  'fieldProblem.wrong-password': 'Dit is niet je huidige wachtwoord.',

  'members.invite': 'Een lid uitnodigen',
  'members.inviteHint':
    'Ze krijgen een e-mail met een link die één keer werkt, 7 dagen lang: daar kiezen ze hun eigen wachtwoord, of ze accepteren met hun bestaande account.',
  'members.inviteSubmit': 'Uitnodiging versturen',
  'members.invited': 'Als het adres e-mail kan ontvangen, is er een uitnodiging onderweg.',
  'members.actions': 'Acties',
  'members.changeRole': 'Rol wijzigen',
  'members.remove': 'Verwijderen',
  'members.disable': 'Account uitschakelen',
  'members.enable': 'Account inschakelen',
  'members.invitations': 'Uitnodigingen',
  'members.invitations.none': 'Nog geen uitnodigingen.',
  'members.invitations.state': 'Status',
  'members.invitations.expires': 'Verloopt',
  'members.invitations.revoke': 'Intrekken',
  'invitationState.pending': 'openstaand',
  'invitationState.expired': 'verlopen',
  'invitationState.accepted': 'geaccepteerd',
  'invitationState.revoked': 'ingetrokken',

  'invite.title': 'Uitnodiging',
  'invite.invalid':
    'Deze uitnodigingslink is niet meer geldig: hij is gebruikt, ingetrokken of verlopen. Vraag een beheerder om een nieuwe.',
  'invite.lead': 'Je bent uitgenodigd om lid te worden van het securityteam van {org}, met de rol {role}.',
  'invite.newAccount': 'Kies je naam en een wachtwoord voor je nieuwe account ({email}).',
  'invite.name': 'Je naam',
  'invite.create': 'Account maken en lid worden',
  'invite.signIn': 'Dit adres heeft een account: log in en accepteer de uitnodiging daarna hier.',
  'invite.signInButton': 'Inloggen om te accepteren',
  'invite.accept': 'Lid worden van {org}',
  'invite.otherAccount': 'Deze uitnodiging is voor een ander account. Log uit en log in als de uitgenodigde persoon om haar te accepteren.',

  'account.title': 'Je account',
  'account.link': 'Account',
  'account.changePassword': 'Wachtwoord wijzigen',
  'account.current': 'Huidig wachtwoord',
  'account.newPassword': 'Nieuw wachtwoord',
  'account.newPasswordHint':
    'Minstens 12 tekens; een zin van meerdere woorden is het makkelijkst. Veelgebruikte en gelekte wachtwoorden worden geweigerd.',
  'account.confirm': 'Nieuw wachtwoord nogmaals',
  'account.save': 'Wachtwoord wijzigen',
  'account.changed': 'Wachtwoord gewijzigd. Je andere sessies zijn uitgelogd.',
  'account.throttled': 'Te veel verkeerde wachtwoorden. Probeer het over {wait} opnieuw.',
  'account.sessionsLink': 'Je sessies',

  'sessions.title': 'Je sessies',
  'sessions.lead': 'Elke browser die op je account is ingelogd. Beëindig de sessies die je niet herkent en wijzig daarna je wachtwoord.',
  'sessions.device': 'Apparaat',
  'sessions.started': 'Ingelogd',
  'sessions.lastSeen': 'Laatst gezien',
  'sessions.address': 'Adres',
  'sessions.current': 'deze browser',
  'sessions.end': 'Sessie beëindigen',
  'sessions.ended': 'De sessie is beëindigd.',
  'sessions.unknownDevice': 'Onbekend apparaat',

  'reset.title': 'Je wachtwoord opnieuw instellen',
  'reset.lead':
    'Vul het e-mailadres van je account in. Als er een account bij hoort, sturen we daarheen een link om een nieuw wachtwoord te kiezen.',
  'reset.email': 'E-mail',
  'reset.submit': 'Link versturen',
  'reset.sent': 'Als een account dit adres gebruikt, is er een link onderweg. Hij werkt één keer, 30 minuten lang.',
  'reset.throttled': 'Te veel aanvragen vanaf je netwerk voor dit adres. Probeer het over {wait} opnieuw.',
  'reset.invalid': 'Deze link is niet meer geldig: hij is gebruikt of verlopen. Vraag een nieuwe aan.',
  'reset.choose': 'Kies een nieuw wachtwoord. Alle sessies van je account worden uitgelogd.',
  'reset.save': 'Nieuw wachtwoord instellen',
  'reset.done': 'Je wachtwoord is gewijzigd en alle sessies zijn uitgelogd. Log in met het nieuwe wachtwoord.',
  'reset.forgot': 'Wachtwoord vergeten?',
}
