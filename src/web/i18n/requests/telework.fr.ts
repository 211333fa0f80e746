// The telework pages. French is the reference: its shape is the type the English must match.
export const teleworkFr = {
  title: 'Télétravail',
};

export type TeleworkDictionary = typeof teleworkFr;
