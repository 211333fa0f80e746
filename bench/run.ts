import { parseArgs } from 'node:util';
import { directoryScenario } from './scenarios/directory.ts';
import { gatewayScenario } from './scenarios/gateway.ts';
import { loginScenario } from './scenarios/login.ts';
import { oidcScenario } from './scenarios/oidc.ts';
import { payslipsScenario } from './scenarios/payslips.ts';
import { platformScenario } from './scenarios/platform.ts';
import { requestsScenario } from './scenarios/requests.ts';
import type { BenchOptions } from './support.ts';

// `npm run bench -- [scenario ...] [--pglite] [--duration s] [--connections n]`; results go to bench/results/.
const scenarios: Record<string, (options: BenchOptions) => Promise<void>> = {
  directory: directoryScenario,
  platform: platformScenario,
  login: loginScenario,
  payslips: payslipsScenario,
  requests: requestsScenario,
  oidc: oidcScenario,
  gateway: gatewayScenario,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pglite: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    'database-server': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const unknown = positionals.filter((name) => !(name in scenarios));
if (unknown.length > 0) {
  console.error(`Scénario inconnu: ${unknown.join(', ')}. Disponibles: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
const options: BenchOptions = {
  pglite: values.pglite,
  duration: Number(values.duration),
  connections: Number(values.connections),
  databaseServerUrl: values['database-server'],
};
for (const name of positionals.length > 0 ? positionals : Object.keys(scenarios)) {
  console.log(`— ${name}`);
  await scenarios[name]!(options);
}
