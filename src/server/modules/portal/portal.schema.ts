import { z } from 'zod';

export const PortalInfoResponse = z
  .object({
    name: z.string().describe('Nom de la collectivité'),
    emailDomain: z.string().describe('Domaine des adresses professionnelles'),
    logoUrl: z.string(),
    themeUrl: z.string(),
    languages: z.array(z.enum(['fr', 'en'])),
    version: z.string(),
    support: z
      .object({ hours: z.string().describe('Heures d’ouverture du support informatique'), phone: z.string().describe('Numéro du support informatique') })
      .describe('Où trouver de l’aide : affiché sur la page d’état des services et avec les annonces'),
    demoMailbox: z.boolean().describe('Vrai quand rien n’est envoyé pour de bon : la boîte de démonstration est à /dev/boite-mail'),
  })
  .meta({ id: 'PortalInfo' });
export type PortalInfoResponse = z.infer<typeof PortalInfoResponse>;
