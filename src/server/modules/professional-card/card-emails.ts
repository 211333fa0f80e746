import type { OutgoingEmail } from '../notifications/index.ts';
import type { ReplacementStage } from './professional-card.repo.ts';

// The message the agent receives at each stage of a replacement: what happened and what comes next.
export function stageEmail(
  to: string,
  stage: ReplacementStage,
  card: { oldNumber: string; newNumber?: string },
): OutgoingEmail {
  const texts: Record<ReplacementStage, { subject: string; text: string }> = {
    declared: { subject: 'Perte de carte professionnelle enregistrée', text: `Votre déclaration de perte de la carte n° ${card.oldNumber} est enregistrée.` },
    blocked: {
      subject: 'Votre carte professionnelle est bloquée',
      text: `Votre carte professionnelle n° ${card.oldNumber} est bloquée : elle n’ouvre plus aucun accès aux bâtiments. Si vous la retrouvez, ne l’utilisez plus. Une nouvelle carte va être commandée ; vous suivrez son avancement sur le portail.`,
    },
    replacement_ordered: {
      subject: 'Votre nouvelle carte professionnelle est commandée',
      text: 'Le service des ressources humaines a commandé votre nouvelle carte professionnelle. Vous serez prévenu(e) dès qu’elle sera prête.',
    },
    ready_to_collect: {
      subject: 'Votre nouvelle carte professionnelle est prête',
      text: 'Votre nouvelle carte professionnelle est prête : retirez-la auprès du service des ressources humaines de votre direction, muni(e) d’une pièce d’identité.',
    },
    handed_over: {
      subject: 'Votre nouvelle carte professionnelle vous a été remise',
      text: `Votre nouvelle carte professionnelle n° ${card.newNumber ?? ''} est active. L’ancienne carte n° ${card.oldNumber} reste bloquée définitivement.`,
    },
  };
  return { to, ...texts[stage] };
}
