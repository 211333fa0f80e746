// The requests pages. French is the reference: its shape is the type the English must match.
export const requestsFr = {
  title: 'Mes demandes',
};

export type RequestsDictionary = typeof requestsFr;
