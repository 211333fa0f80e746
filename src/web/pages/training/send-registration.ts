import type { z } from 'zod';
import type { RegisterReport } from '../../../server/modules/training/training.schema.ts';
import { postOnce } from '../../api/submit-once.ts';

export { newSubmissionKey as newIdempotencyKey } from '../../api/submit-once.ts';

export function sendRegistration(sessionId: string, comment: string, key: string): Promise<z.infer<typeof RegisterReport>> {
  return postOnce(`/api/training/sessions/${encodeURIComponent(sessionId)}/registrations`, comment ? { comment } : {}, key);
}
