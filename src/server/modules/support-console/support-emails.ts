import type { AppContext } from '../../app-context.ts';
import type { OutgoingEmail } from '../notifications/index.ts';

type Person = { email: string; firstName: string; lastName: string; badgeNumber: string };

const parisTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' });

const automatic = '\nCe message est automatique : merci de ne pas y répondre.';

function notYou(ctx: AppContext): string {
  return `Si vous n’avez rien demandé à l’assistance informatique, contactez-la sans attendre ou ouvrez ${ctx.config.publicUrl}/compte/historique et choisissez « Ce n’était pas moi ».`;
}

// The password travels by e-mail to the manager only, who hands it over in person; the agent changes it at
// the first sign-in, so what stays in a mailbox is useless afterwards.
export function temporaryPasswordForManagerEmail(ctx: AppContext, manager: Person, agent: Person, password: string, at: Date): OutgoingEmail {
  return {
    to: manager.email,
    subject: `Mot de passe temporaire pour ${agent.firstName} ${agent.lastName} (${agent.badgeNumber})`,
    text:
      `Bonjour ${manager.firstName},\n\n` +
      `À la demande de l’assistance informatique, un mot de passe temporaire a été créé le ${parisTime.format(at)} pour ${agent.firstName} ${agent.lastName} (matricule ${agent.badgeNumber}), qui fait partie de votre équipe :\n\n` +
      `    ${password}\n\n` +
      'Remettez-le à l’agent en main propre ou lisez-le-lui par téléphone, sans le transférer par e-mail ni par messagerie. ' +
      'L’agent devra choisir un nouveau mot de passe dès sa première connexion. Supprimez ensuite ce message.\n' +
      automatic,
  };
}

export function temporaryPasswordNoticeEmail(ctx: AppContext, agent: Person, deliveredTo: 'support' | 'manager', at: Date): OutgoingEmail {
  const how = deliveredTo === 'manager' ? 'Il a été envoyé à votre encadrant, qui vous le remettra.' : 'Il vous a été communiqué par l’assistance.';
  return {
    to: agent.email,
    subject: 'Un mot de passe temporaire a été créé pour votre compte',
    text:
      `Bonjour ${agent.firstName},\n\n` +
      `L’assistance informatique a créé un mot de passe temporaire pour votre compte le ${parisTime.format(at)}. ${how}\n` +
      'Toutes vos sessions ouvertes ont été fermées ; à votre prochaine connexion, vous choisirez un nouveau mot de passe.\n\n' +
      `${notYou(ctx)}\n${automatic}`,
  };
}

export function secondFactorsResetEmail(ctx: AppContext, agent: Person, at: Date): OutgoingEmail {
  return {
    to: agent.email,
    subject: 'Vos méthodes de vérification ont été retirées',
    text:
      `Bonjour ${agent.firstName},\n\n` +
      `Après vérification de votre identité, l’assistance informatique a retiré le ${parisTime.format(at)} toutes les méthodes de vérification de votre compte (application, SMS, clés d’accès) et vos codes de secours. ` +
      'Toutes vos sessions ouvertes ont été fermées.\n' +
      'À votre prochaine connexion depuis l’extérieur du réseau de la collectivité, vous enregistrerez une nouvelle méthode de vérification, avec le code d’enrôlement que l’assistance vous a donné.\n\n' +
      `${notYou(ctx)}\n${automatic}`,
  };
}
