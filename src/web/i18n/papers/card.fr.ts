// The professional card pages, the agent's and HR's. French is the reference: its shape is the type the English must match.
export const cardFr = {
  title: 'Ma carte professionnelle',
};

export type CardDictionary = typeof cardFr;
