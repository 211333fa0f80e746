import type { CardDictionary } from './card.fr.ts';

export const cardEn: CardDictionary = {
  title: 'My professional card',
};
