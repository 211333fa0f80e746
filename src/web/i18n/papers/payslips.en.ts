import type { PayslipsDictionary } from './payslips.fr.ts';

export const payslipsEn: PayslipsDictionary = {
  title: 'My payslips',
};
