import type { SessionStage } from './session.repo.ts';

export type SignInState = {
  zone: 'internal' | 'external';
  enhancedAuthOutside: boolean;
  enhancedAuthInside: boolean;
  factorKinds: string[];
  recoveryCodesLeft: number;
  secondFactorPassed: boolean;
  passwordChangeNeeded: boolean;
};

export const PRIVILEGED_ROLES = new Set(['administrator', 'security_officer', 'it_support']);

// Outside the city network a second factor is required wherever the department enables enhanced
// authentication (all of them by default); inside, the department's own setting decides.
export function secondFactorRequired(s: Pick<SignInState, 'zone' | 'enhancedAuthOutside' | 'enhancedAuthInside'>): boolean {
  return s.zone === 'external' ? s.enhancedAuthOutside : s.enhancedAuthInside;
}

// The order of the steps after a correct password: prove the second factor first (a stolen temporary
// password must not be enough to choose a new one), then change the password, then enrol a factor.
export function nextStage(s: SignInState): SessionStage {
  const required = secondFactorRequired(s);
  if (required && s.factorKinds.length > 0 && !s.secondFactorPassed) return 'second_factor';
  if (s.passwordChangeNeeded) return 'change_password';
  if (required && s.factorKinds.length === 0) return 'enrol_second_factor';
  return 'active';
}

export function availableMethods(s: Pick<SignInState, 'factorKinds' | 'recoveryCodesLeft'>): string[] {
  const methods = [...s.factorKinds];
  if (s.recoveryCodesLeft > 0) methods.push('recovery_code');
  return methods;
}

export function passwordExpiresAt(changedAt: Date | null, maxAgeDays: number): Date | null {
  return changedAt ? new Date(changedAt.getTime() + maxAgeDays * 86_400_000) : null;
}
