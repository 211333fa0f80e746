import { z } from 'zod';
import { REQUESTABLE_TYPES } from './leave-config.ts';

const isoDate = z.iso.date({ message: 'date attendue (AAAA-MM-JJ)' });

export const TeamCalendarQuery = z.object({
  /** Both or neither: without them, the current month. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** A manager reads their team by default; 'unit' shows the colleagues of their own unit. */
  view: z.enum(['team', 'unit']).optional(),
});
export type TeamCalendarQuery = z.infer<typeof TeamCalendarQuery>;

export const CalendarMark = z.object({
  date: isoDate,
  halves: z.enum(['full', 'morning', 'afternoon']),
  // Colleagues read "absent" only; the manager reads the type, and the requests still pending.
  status: z.enum(['absent', 'leave', 'pending', 'telework']),
  leaveType: z.enum(REQUESTABLE_TYPES).nullable(),
});

export const TeamCalendar = z
  .object({
    view: z.enum(['team', 'unit']),
    from: isoDate,
    to: isoDate,
    today: isoDate,
    /** The reader manages a team (and may switch to their unit's view). */
    managesTeam: z.boolean(),
    minimumStaffing: z.number().int().nullable(),
    days: z.array(
      z.object({
        date: isoDate,
        workingDay: z.boolean(),
        holiday: z.string().nullable(),
        /** On a working day of the manager's view: members expected, and present (on leave or absent subtracted). */
        expected: z.number().int().nullable(),
        present: z.number().int().nullable(),
        belowMinimum: z.boolean(),
      }),
    ),
    members: z.array(z.object({ agentId: z.uuid(), firstName: z.string(), lastName: z.string(), isMe: z.boolean(), marks: z.array(CalendarMark) })),
  })
  .meta({ id: 'TeamCalendar' });
export type TeamCalendar = z.infer<typeof TeamCalendar>;

export const MinimumStaffingBody = z
  .object({ minimum: z.number().int({ message: 'nombre entier attendu' }).min(1, { message: 'au moins 1' }).max(500, { message: 'au plus 500' }).nullable() })
  .strict()
  .meta({ id: 'MinimumStaffing' });
export const MinimumStaffing = z.object({ minimum: z.number().int().nullable() });
