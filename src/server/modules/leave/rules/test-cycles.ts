// Working cycles the tests of leave and telework share: the City of Paris's usual part-time patterns.
import { workingCycle } from './working-cycle.ts';

export const fourAndAHalfDays = workingCycle({ monday: 'full', tuesday: 'full', wednesday: 'morning', thursday: 'full', friday: 'full' });
export const eightyPercentWithoutWednesday = workingCycle({ monday: 'full', tuesday: 'full', thursday: 'full', friday: 'full' });
