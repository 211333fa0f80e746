import { type BenchOptions, measure, startBareFastify, startPortal, writeResults } from '../support.ts';

// /healthz and a database-backed public read, each as a ratio to a bare Fastify route measured in the same run.
export async function platformScenario(options: BenchOptions): Promise<void> {
  const bare = await startBareFastify();
  let baseline;
  try {
    baseline = await measure('bare fastify GET /', `${bare.url}/`, options);
  } finally {
    await bare.stop();
  }
  const portal = await startPortal(options);
  const measures = [baseline];
  try {
    measures.push(await measure('GET /healthz', `${portal.url}/healthz`, options));
    measures.push(await measure('GET /api/departments', `${portal.url}/api/departments`, options));
  } finally {
    await portal.stop();
  }
  const database = options.pglite ? 'PGlite' : 'PostgreSQL';
  const lines = measures.map(
    (m) =>
      `${m.name}: ${m.requestsPerSecond} req/s, p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms` +
      (m === baseline ? '' : `, ${(m.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× bare Fastify`) +
      (m.errors || m.non2xx ? ` (${m.errors} errors, ${m.non2xx} non-2xx)` : ''),
  );
  writeResults(
    'platform',
    `platform [${database}, ${options.connections} connections, ${options.duration}s] — ${lines.join(' | ')}`,
    { database, connections: options.connections, durationSeconds: options.duration, measures },
  );
}
