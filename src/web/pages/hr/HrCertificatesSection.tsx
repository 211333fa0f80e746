import type { z } from 'zod';
import type { AgentDetail } from '../../../server/modules/accounts/accounts.schema.ts';

// Placeholder until its page is written.
export function HrCertificatesSection(_props: { agent: z.infer<typeof AgentDetail>; /** Says what was done, in the page's message area. */ onDone(message: string): void }) {
  return null;
}
