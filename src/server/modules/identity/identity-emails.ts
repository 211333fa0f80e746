import type { AppContext } from '../../app-context.ts';
import type { ClientInfo } from '../../http/client.ts';
import type { OutgoingEmail } from '../notifications/index.ts';

type Recipient = { email: string; firstName: string };

const parisTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' });

function where(client: ClientInfo): string {
  const zone = client.zone === 'internal' ? 'depuis le réseau de la collectivité' : 'depuis l’extérieur du réseau de la collectivité';
  return `${client.deviceLabel}, ${zone} (adresse ${client.ip})`;
}

// The mailer adds the footer naming the portal; this only says not to answer.
function signature(_ctx: AppContext): string {
  return '\nCe message est automatique : merci de ne pas y répondre.';
}

function notMe(ctx: AppContext): string {
  return `Si ce n’était pas vous, ouvrez ${ctx.config.publicUrl}/compte/historique et choisissez « Ce n’était pas moi », ou contactez l’assistance informatique.`;
}

export function lockoutEmail(ctx: AppContext, to: Recipient, client: ClientInfo, at: Date): OutgoingEmail {
  const minutes = Math.round(ctx.config.auth.lockoutMs / 60_000);
  return {
    to: to.email,
    subject: 'Votre compte est bloqué temporairement',
    text: `Bonjour ${to.firstName},\n\nAprès plusieurs mots de passe incorrects, votre compte a été bloqué le ${parisTime.format(at)} pour ${minutes} minutes (dernier essai : ${where(client)}).\nIl se débloquera tout seul. Vous pouvez aussi réinitialiser votre mot de passe avec « Mot de passe oublié ».\n\n${notMe(ctx)}\n${signature(ctx)}`,
  };
}

export function newDeviceEmail(ctx: AppContext, to: Recipient, client: ClientInfo, at: Date): OutgoingEmail {
  return {
    to: to.email,
    subject: 'Nouvelle connexion à votre compte',
    text: `Bonjour ${to.firstName},\n\nUne connexion à votre compte a eu lieu le ${parisTime.format(at)} depuis un appareil que nous ne connaissions pas : ${where(client)}.\n\nSi c’était vous, vous n’avez rien à faire.\n${notMe(ctx)}\n${signature(ctx)}`,
  };
}

export function passwordChangedEmail(ctx: AppContext, to: Recipient, client: ClientInfo, at: Date, how: 'changed' | 'reset'): OutgoingEmail {
  const what = how === 'reset' ? 'réinitialisé' : 'modifié';
  return {
    to: to.email,
    subject: `Votre mot de passe a été ${what}`,
    text: `Bonjour ${to.firstName},\n\nLe mot de passe de votre compte a été ${what} le ${parisTime.format(at)} (${where(client)}).${how === 'reset' ? '\nToutes vos sessions ouvertes ont été fermées.' : ''}\n\n${notMe(ctx)}\n${signature(ctx)}`,
  };
}

export function passwordResetEmail(ctx: AppContext, to: Recipient, link: string, validMinutes: number): OutgoingEmail {
  return {
    to: to.email,
    subject: 'Réinitialisation de votre mot de passe',
    text: `Bonjour ${to.firstName},\n\nVous avez demandé à réinitialiser votre mot de passe. Ouvrez ce lien dans les ${validMinutes} minutes (il ne sert qu’une fois) :\n\n${link}\n\nUne nouvelle demande annule ce lien. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n${signature(ctx)}`,
  };
}

export function secondFactorChangedEmail(ctx: AppContext, to: Recipient, client: ClientInfo, at: Date, change: 'added' | 'removed', label: string): OutgoingEmail {
  const what = change === 'added' ? 'ajoutée à' : 'retirée de';
  return {
    to: to.email,
    subject: change === 'added' ? 'Nouvelle méthode de vérification ajoutée' : 'Méthode de vérification retirée',
    text: `Bonjour ${to.firstName},\n\nLa méthode de vérification « ${label} » a été ${what} votre compte le ${parisTime.format(at)} (${where(client)}).\n\n${notMe(ctx)}\n${signature(ctx)}`,
  };
}

export function passwordExpiryEmail(ctx: AppContext, to: Recipient, expiresAt: Date): OutgoingEmail {
  return {
    to: to.email,
    subject: 'Votre mot de passe expire bientôt',
    text: `Bonjour ${to.firstName},\n\nVotre mot de passe expire le ${parisTime.format(expiresAt)}. Changez-le dès maintenant depuis ${ctx.config.publicUrl}/compte/mot-de-passe : après cette date, il faudra le changer avant d’accéder au portail.\n${signature(ctx)}`,
  };
}
