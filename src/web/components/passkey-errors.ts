import { WebAuthnError } from '@simplewebauthn/browser';
import { isApiError } from '../api/api-client.ts';

export type PasskeyFailure = 'cancelled' | 'alreadyRegistered' | 'unsupported' | 'failed';

// What went wrong in the browser's own passkey dialog, in the agent's terms; undefined for API errors,
// which say it themselves.
export function passkeyFailure(error: unknown): PasskeyFailure | undefined {
  if (isApiError(error)) return undefined;
  const cause = error instanceof WebAuthnError ? (error.cause as Error | undefined) : (error as Error | undefined);
  const code = error instanceof WebAuthnError ? error.code : undefined;
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'alreadyRegistered';
  if (code === 'ERROR_CEREMONY_ABORTED' || cause?.name === 'NotAllowedError' || cause?.name === 'AbortError') return 'cancelled';
  if (cause?.name === 'NotSupportedError') return 'unsupported';
  return 'failed';
}
