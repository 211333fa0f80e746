import type { Db } from '../../db/connection.ts';
import { deleteSessionsOfAgent } from './session.repo.ts';

// Everything that lets an account in, ended at once: on departure, suspension, SCIM deactivation or
// "ce n'était pas moi". Tokens of single sign-on clients will be revoked here too.
export async function endAllAccess(db: Db, agentId: string): Promise<number> {
  return deleteSessionsOfAgent(db, agentId);
}
