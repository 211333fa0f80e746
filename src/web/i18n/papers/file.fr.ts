// The file pages, the agent's and HR's. French is the reference: its shape is the type the English must match.
export const fileFr = {
  title: 'Mon dossier',
};

export type FileDictionary = typeof fileFr;
