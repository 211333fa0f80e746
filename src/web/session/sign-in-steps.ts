import type { NextStep, SecondFactorMethod } from '../../server/modules/identity/sign-in.schema.ts';
import { paths, withReturn } from '../router/paths.ts';

export type SignInStep = Exclude<NextStep, 'done'>;

export const stepPaths: Record<SignInStep, string> = {
  second_factor: paths.signInSecondFactor,
  change_password: paths.signInNewPassword,
  enrol_second_factor: paths.signInEnrolment,
};

export function pathAfterStep(next: NextStep, returnTo: string | undefined): string {
  return next === 'done' ? (returnTo ?? paths.home) : withReturn(stepPaths[next], returnTo);
}

// GET /api/me does not say which second factors the agent has: the sign-in answer does, so the tab keeps
// it for the verification page (which may be reloaded).
const methodsKey = 'nomades.sign-in.methods';
const allMethods: readonly SecondFactorMethod[] = ['webauthn', 'totp', 'sms', 'recovery_code'];

export function rememberMethods(methods: readonly SecondFactorMethod[] | undefined): void {
  try {
    if (methods) window.sessionStorage.setItem(methodsKey, JSON.stringify(methods));
    else window.sessionStorage.removeItem(methodsKey);
  } catch {
    // Without storage the verification page offers every method.
  }
}

/** The agent's methods, most secure first; every method when the tab does not know them. */
export function rememberedMethods(): SecondFactorMethod[] {
  let stored: unknown;
  try {
    stored = JSON.parse(window.sessionStorage.getItem(methodsKey) ?? 'null');
  } catch {
    stored = null;
  }
  const known = Array.isArray(stored) ? allMethods.filter((method) => stored.includes(method)) : [];
  return known.length > 0 ? known : [...allMethods];
}
