import type { TeleworkDictionary } from './telework.fr.ts';

export const teleworkEn: TeleworkDictionary = {
  title: 'Telework',
};
