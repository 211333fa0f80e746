// The payslips pages, the agent's and HR's. French is the reference: its shape is the type the English must match.
export const payslipsFr = {
  title: 'Mes bulletins de paie',
};

export type PayslipsDictionary = typeof payslipsFr;
