// The steps of an application, in order, and who may move it where. Pure: the service and the tests share it.

export const STEPS = ['submitted', 'hr_review', 'interview', 'decision', 'effective'] as const;
export type Step = (typeof STEPS)[number];
export type Stage = Step | 'withdrawn';
export type Outcome = 'accepted' | 'not_retained';

/**
 * When the agent's manager (n+1) learns of the application, as the city chooses:
 * - 'submitted': as soon as the agent applies (full transparency);
 * - 'interview': once HR invites the agent to an interview (the application is serious);
 * - 'decision' (default): once the agent is accepted; a candidate not retained is never exposed.
 * An application withdrawn or closed before that step is never told to the manager.
 */
export const MANAGER_INFORMED_AT: 'submitted' | 'interview' | 'decision' = 'decision';

/** Does reaching this step (with this outcome, for a decision) inform the manager, under the city's choice? */
export function informsManager(step: Step, outcome: Outcome | null, informedAt: typeof MANAGER_INFORMED_AT = MANAGER_INFORMED_AT): boolean {
  if (step !== informedAt) return false;
  return step !== 'decision' || outcome === 'accepted';
}

export type Move = { step: 'hr_review' } | { step: 'interview' } | { step: 'decision'; outcome: Outcome } | { step: 'effective' };

/** The moves HR may make from here: one step forward; an application may be turned down after review without an interview. */
export function nextMoves(stage: Stage, outcome: Outcome | null): Move[] {
  switch (stage) {
    case 'submitted':
      return [{ step: 'hr_review' }];
    case 'hr_review':
      return [{ step: 'interview' }, { step: 'decision', outcome: 'not_retained' }];
    case 'interview':
      return [
        { step: 'decision', outcome: 'accepted' },
        { step: 'decision', outcome: 'not_retained' },
      ];
    case 'decision':
      return outcome === 'accepted' ? [{ step: 'effective' }] : [];
    default:
      return [];
  }
}

/** Why this move is not possible now, in French, or null. */
export function moveRefusal(stage: Stage, outcome: Outcome | null, move: Move): string | null {
  if (stage === 'withdrawn') return 'L’agent a retiré cette candidature.';
  if (stage === 'effective') return 'Cette mobilité est déjà datée : la candidature est terminée.';
  const allowed = nextMoves(stage, outcome).some((m) => m.step === move.step && (m.step !== 'decision' || (move.step === 'decision' && m.outcome === move.outcome)));
  if (allowed) return null;
  switch (move.step) {
    case 'hr_review':
      return 'L’examen par le service RH a déjà commencé.';
    case 'interview':
      return stage === 'submitted' ? 'Passez d’abord la candidature en examen RH.' : 'L’étape de l’entretien est passée.';
    case 'decision':
      if (stage === 'submitted') return 'Pas de décision avant l’examen par le service RH.';
      if (stage === 'hr_review') return 'Une candidature n’est retenue qu’après un entretien.';
      return 'La décision a déjà été prise.';
    case 'effective':
      return stage === 'decision' ? 'Seule une candidature retenue a une date de prise de poste.' : 'Pas de date de prise de poste avant la décision.';
  }
}

/** The agent may take back an application until it is decided. */
export function withdrawable(stage: Stage): boolean {
  return stage === 'submitted' || stage === 'hr_review' || stage === 'interview';
}
