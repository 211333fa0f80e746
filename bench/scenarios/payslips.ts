import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { demoElements } from '../../src/server/modules/payslips/demo-payslips.ts';
import { computePayslip } from '../../src/server/modules/payslips/pay-rules.ts';
import { elementsHash } from '../../src/server/modules/payslips/payroll-import.service.ts';
import { type PayslipDocument, renderPayslip } from '../../src/server/modules/payslips/payslip.pdf.ts';
import { insertPayslips, type NewPayslip } from '../../src/server/modules/payslips/payslips.repo.ts';
import type { BenchOptions } from '../support.ts';
import { writeResults } from '../support.ts';

// Payslip PDFs per second on one core, then a whole monthly run for 50,000 agents (PAYSLIP_BENCH_AGENTS to
// change it): compute, store, draw every PDF on worker threads (one per core) and store it with its SHA-256.

const MONTH = '2026-01';
type Job = { id: string; doc: PayslipDocument };

if (!isMainThread && workerData?.payslipPdfWorker) {
  parentPort!.on('message', async (jobs: Job[]) => {
    const out = [];
    for (const j of jobs) {
      const pdf = await renderPayslip(j.doc);
      out.push({ id: j.id, pdf, sha256: createHash('sha256').update(pdf).digest('hex') });
    }
    parentPort!.postMessage(out);
  });
}

function documentFor(badgeNumber: string, category: string, i: number): PayslipDocument {
  const elements = demoElements(badgeNumber, category, MONTH);
  const f = computePayslip(MONTH, elements);
  const totals = { grossCents: f.grossCents, deductionsCents: f.deductionsCents, netBeforeTaxCents: f.netBeforeTaxCents, netTaxableCents: f.netTaxableCents, taxCents: f.taxCents, netPaidCents: f.netPaidCents, employerCents: f.employerCents };
  return {
    employer: { name: 'Ville de Paris', department: 'Direction des affaires scolaires' },
    agent: { badgeNumber, firstName: 'Camille', lastName: `Martin${i}`, grade: 'Attaché territorial', jobTitle: 'Chargée de mission' },
    month: MONTH,
    version: 1,
    rectificationReason: null,
    indexMajore: elements.indexMajore,
    workTimePercent: elements.workTimePercent,
    lines: f.lines,
    totals,
    yearToDate: { grossCents: f.grossCents, netTaxableCents: f.netTaxableCents, taxCents: f.taxCents, netPaidCents: f.netPaidCents },
    publishedAt: new Date('2026-01-25T08:00:00Z'),
  };
}

// Wall-clock rate, and the CPU time a PDF costs (what a dedicated core would give when the machine is shared).
async function pdfsPerSecondOnOneCore(seconds: number): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < 20; i += 1) await renderPayslip(documentFor(String(5_000_000 + i), 'B', i)); // warm-up
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let count = 0;
  while (performance.now() - started < seconds * 1000) {
    await renderPayslip(documentFor(String(5_000_000 + count), ['A', 'B', 'C'][count % 3]!, count));
    count += 1;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: count / ((performance.now() - started) / 1000), cpu: count / ((cpu.user + cpu.system) / 1e6) };
}

async function openBenchDatabase(options: BenchOptions): Promise<DatabaseHandle> {
  if (options.pglite) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: undefined });
    await migrateToLatest(handle.db);
    return handle;
  }
  const name = `nomades_bench_payslips_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: options.databaseServerUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(options.databaseServerUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 4 });
  await migrateToLatest(handle.db);
  return { ...handle, close: async () => { await handle.close(); await admin(`drop database if exists ${name} with (force)`); } };
}

async function monthlyBatch(options: BenchOptions, agentCount: number, workers: number) {
  const handle = await openBenchDatabase(options);
  const db = handle.db;
  try {
    const department = await db.insertInto('departments').values({ code: 'BENCH', name: 'Direction du banc d’essai' }).returning('id').executeTakeFirstOrThrow();
    const profile = await db.insertInto('job_profiles').values({ code: 'bench', name: 'Banc d’essai' }).returning('id').executeTakeFirstOrThrow();
    const agents: { id: string; badge: string; category: string }[] = [];
    for (let i = 0; i < agentCount; i += 5_000) {
      const values = Array.from({ length: Math.min(5_000, agentCount - i) }, (_, k) => {
        const n = i + k;
        return { badge_number: String(3_000_000 + n), email: `agent${n}@bench.example`, first_name: 'Camille', last_name: `Martin${n}`, department_id: department.id, job_profile_id: profile.id, job_title: 'Agent', start_date: '2020-01-01' };
      });
      const rows = await db.insertInto('agents').values(values).returning(['id', 'badge_number']).execute();
      for (const r of rows) agents.push({ id: r.id, badge: r.badge_number, category: ['A', 'B', 'C', 'C'][agents.length % 4]! });
    }

    const t0 = performance.now();
    const publishedAt = new Date('2026-01-25T08:00:00Z');
    const payslips: NewPayslip[] = agents.map((a) => {
      const elements = demoElements(a.badge, a.category, MONTH);
      return { agentId: a.id, month: MONTH, version: 1, elements, elementsSha256: elementsHash(elements), figures: computePayslip(MONTH, elements), importedAt: publishedAt, publishedAt, rectificationReason: null };
    });
    const t1 = performance.now();
    await db.transaction().execute((trx) => insertPayslips(trx, payslips));
    const t2 = performance.now();

    const ids = new Map((await db.selectFrom('payslips').select(['id', 'agent_id']).where('month', '=', MONTH).execute()).map((r) => [r.agent_id, r.id]));
    const jobs: Job[] = agents.map((a, i) => ({ id: ids.get(a.id)!, doc: documentFor(a.badge, a.category, i) }));
    const pool = Array.from({ length: workers }, () => new Worker(new URL(import.meta.url), { workerData: { payslipPdfWorker: true } }));
    let next = 0;
    let stored = 0;
    const writes: Promise<unknown>[] = [];
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              worker.postMessage(jobs.slice(next, next + 100));
              next += 100;
            };
            worker.on('message', (done: { id: string; pdf: Uint8Array; sha256: string }[]) => {
              writes.push(
                db.transaction().execute(async (trx) => {
                  for (const d of done) {
                    await trx.updateTable('payslips').set({ pdf: Buffer.from(d.pdf), pdf_sha256: d.sha256, pdf_generated_at: new Date() }).where('id', '=', d.id).execute();
                  }
                  stored += done.length;
                }),
              );
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
    await Promise.all(writes);
    const t3 = performance.now();
    await Promise.all(pool.map((w) => w.terminate()));
    return { computeSeconds: (t1 - t0) / 1000, storeSeconds: (t2 - t1) / 1000, pdfSeconds: (t3 - t2) / 1000, totalSeconds: (t3 - t0) / 1000, stored };
  } finally {
    await handle.close();
  }
}

export async function payslipsScenario(options: BenchOptions): Promise<void> {
  const agentCount = Number(process.env.PAYSLIP_BENCH_AGENTS ?? 50_000);
  const workers = Math.max(1, Math.min(2, availableParallelism()));
  const rate = await pdfsPerSecondOnOneCore(Math.min(options.duration, 10));
  const perSecond = rate.wall;
  const projectedSeconds = agentCount / (perSecond * workers);
  const projectedOnFreeCores = agentCount / (rate.cpu * workers);
  const batch = await monthlyBatch(options, agentCount, workers);
  const database = options.pglite ? 'PGlite' : 'PostgreSQL';
  const f = (s: number) => `${s.toFixed(1)} s`;
  writeResults(
    'payslips',
    `payslips [${database}] — PDF: ${perSecond.toFixed(0)} PDFs/s on one core (${rate.cpu.toFixed(0)} per CPU-second) | ${agentCount} agents monthly batch on ${workers} worker threads: ` +
      `projected ${f(projectedSeconds)} for the PDFs (${f(projectedOnFreeCores)} on free cores), measured ${f(batch.totalSeconds)} (compute ${f(batch.computeSeconds)}, store ${f(batch.storeSeconds)}, PDFs drawn and stored ${f(batch.pdfSeconds)}; ${batch.stored} PDFs) — target < 600 s`,
    { database, agents: agentCount, workers, pdfsPerSecondOneCore: Math.round(perSecond), pdfsPerCpuSecond: Math.round(rate.cpu), projectedPdfSeconds: Math.round(projectedSeconds), projectedPdfSecondsOnFreeCores: Math.round(projectedOnFreeCores), ...batch },
  );
}
