// The leave pages. French is the reference: its shape is the type the English must match.
export const leaveFr = {
  title: 'Mes congés',
};

export type LeaveDictionary = typeof leaveFr;
