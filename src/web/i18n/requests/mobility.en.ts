import type { MobilityDictionary } from './mobility.fr.ts';

export const mobilityEn: MobilityDictionary = {
  title: 'Mobility',
};
