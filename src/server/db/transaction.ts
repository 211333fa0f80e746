import type { Db } from './connection.ts';

// Runs `work` in a transaction, joining the caller's when there is one: services can then be composed
// with the audit trail (or each other) inside one transaction, all or nothing.
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
