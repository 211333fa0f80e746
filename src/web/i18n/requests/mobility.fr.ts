// The mobility pages. French is the reference: its shape is the type the English must match.
export const mobilityFr = {
  title: 'Mobilité',
};

export type MobilityDictionary = typeof mobilityFr;
