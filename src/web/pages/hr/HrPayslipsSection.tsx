import type { z } from 'zod';
import type { AgentDetail } from '../../../server/modules/accounts/accounts.schema.ts';

// Placeholder until its page is written.
export function HrPayslipsSection(_props: { agent: z.infer<typeof AgentDetail> }) {
  return null;
}
