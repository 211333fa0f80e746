// The certificates pages, the agent's and HR's. French is the reference: its shape is the type the English must match.
export const certificatesFr = {
  title: 'Mes attestations',
};

export type CertificatesDictionary = typeof certificatesFr;
