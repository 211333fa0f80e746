// Every rule that depends on time reads it here, so tests can move time instead of sleeping.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function manualClock(start: Date | string = '2026-11-23T09:00:00Z') {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
    set(at: Date | string) {
      current = new Date(at).getTime();
    },
  };
}
