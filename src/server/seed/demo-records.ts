import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { seedDemoApplications } from '../modules/applications/index.ts';
import { seedDemoFaq } from '../modules/faq/index.ts';
import { seedDemoLeave } from '../modules/leave/index.ts';
import { seedDemoMobility } from '../modules/mobility/index.ts';
import { seedDemoPayslips } from '../modules/payslips/index.ts';
import { seedPersonalFiles } from '../modules/personal-file/index.ts';
import { seedDemoTelework } from '../modules/telework/index.ts';
import { seedDemoTraining } from '../modules/training/index.ts';
import { createKeys } from '../security/keys.ts';

// What the demo agents find once signed in: their personal file, payslips, leave balances and requests,
// telework arrangements, job offers, training sessions, the applications catalogue and the help centre's articles.
// Runs after the organisation exists; each step fills only what is missing, so it can run again.
export async function seedDemoRecords(db: Db, config: Config, now: Date = new Date()): Promise<void> {
  await seedPersonalFiles(db, createKeys(config.secretKey));
  // Two years of published payslips, up to last month (Europe/Paris calendar).
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number);
  const last = month === 1 ? `${year! - 1}-12` : `${year}-${String(month! - 1).padStart(2, '0')}`;
  await seedDemoPayslips(db, { months: 24, until: last });
  // Leave first: telework bookings keep off days of leave.
  await seedDemoLeave(db, now);
  await seedDemoTelework(db, now);
  await seedDemoMobility(db, now);
  await seedDemoTraining(db, now);
  await seedDemoApplications(db, now);
  await seedDemoFaq(db, now);
}
