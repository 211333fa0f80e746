import Fastify from 'fastify';

// The baseline: a bare Fastify route on the same machine, so our figures read as ratios.
const app = Fastify({ logger: false });
app.get('/', async () => ({ status: 'ok' }));
const address = await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0) });
console.log(`listening ${address}`);
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
