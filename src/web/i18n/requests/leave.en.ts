import type { LeaveDictionary } from './leave.fr.ts';

export const leaveEn: LeaveDictionary = {
  title: 'My leave',
};
