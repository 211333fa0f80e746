import type { OutgoingSms } from './outbox.repo.ts';

export type SmsGateway = { send(sms: OutgoingSms): Promise<void> };

const TIMEOUT_MS = 10_000;

// One neutral HTTP contract, so a city plugs in its operator (or a small adapter in front of it) without
// code: POST {"to","text"} as JSON with a bearer token; any 2xx means accepted, anything else is a failure.
export function httpSmsGateway(gatewayUrl: string, token: string | undefined): SmsGateway {
  return {
    async send(sms) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: sms.to, text: sms.text }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        // A redirect would carry the bearer token to another address.
        redirect: 'error',
      });
      // Read and discard the body so the connection can be reused; its content is the operator's business.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`la passerelle SMS a répondu ${response.status} ${response.statusText}`.trim());
    },
  };
}
