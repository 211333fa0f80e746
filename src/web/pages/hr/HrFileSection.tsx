import type { z } from 'zod';
import type { AgentDetail } from '../../../server/modules/accounts/accounts.schema.ts';

// Placeholder until its page is written.
export function HrFileSection(_props: { agent: z.infer<typeof AgentDetail> }) {
  return null;
}
