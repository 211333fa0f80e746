// The helpdesk's rules that are plain data: priority, targets, and which status may follow which.

export const ticketKinds = ['incident', 'request'] as const;
export const ticketCategories = ['connection', 'password', 'card', 'equipment', 'email', 'hr', 'other'] as const;
export const levels = ['low', 'medium', 'high'] as const;
export const priorities = ['very_high', 'high', 'medium', 'low'] as const;
export const ticketStatuses = ['new', 'assigned', 'pending', 'solved', 'closed'] as const;

export type TicketCategory = (typeof ticketCategories)[number];
export type Level = (typeof levels)[number];
export type Priority = (typeof priorities)[number];
export type TicketStatus = (typeof ticketStatuses)[number];

// GLPI's urgency × impact matrix, reduced to three levels: the agent says how urgent it is for them, support
// says how many people it stops. Change a cell here to change the policy; tests read this table.
// Rows: impact set by support; columns: urgency chosen by the agent.
export const priorityMatrix: Readonly<Record<Level, Readonly<Record<Level, Priority>>>> = {
  high: { high: 'very_high', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'low' },
};

export function priorityOf(urgency: Level, impact: Level): Priority {
  return priorityMatrix[impact][urgency];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Targets in elapsed time from the ticket's creation (no business-hours calendar yet): time to own (someone
// assigned) and time to resolve (solution given).
export const serviceTargets: Readonly<Record<Priority, { ownMs: number; resolveMs: number }>> = {
  very_high: { ownMs: 1 * HOUR, resolveMs: 4 * HOUR },
  high: { ownMs: 4 * HOUR, resolveMs: 24 * HOUR },
  medium: { ownMs: 24 * HOUR, resolveMs: 72 * HOUR },
  low: { ownMs: 72 * HOUR, resolveMs: 240 * HOUR },
};

// A solution the agent neither confirms nor refuses is taken as accepted after this long.
export const AUTO_CLOSE_AFTER_MS = 7 * 24 * HOUR;

// Status changes support may make by hand; closing is the agent's (or the 7-day job's), merging its own path.
export const supportTransitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['assigned', 'solved'],
  assigned: ['pending', 'solved'],
  pending: ['assigned', 'solved'],
  solved: ['assigned'],
  closed: [],
};

export function maySupportMove(from: TicketStatus, to: TicketStatus): boolean {
  return supportTransitions[from].includes(to);
}
