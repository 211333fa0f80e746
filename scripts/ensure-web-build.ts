import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// `npm start` and `npm test` build the web app only when its sources changed since the last build.
const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, 'dist/web/.source-hash');
const inputs = ['src/web', 'src/server/modules', 'vite.config.ts', 'package-lock.json'];

function* files(entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(full).sort()) yield* files(path.join(entry, name));
}

const hash = createHash('sha256');
for (const input of inputs) {
  for (const file of files(input)) {
    // The web bundles shared server modules (schemas, password rules, the access table): any server
    // module may be imported, so all count except tests.
    if (file.startsWith('src/server/') && file.endsWith('.test.ts')) continue;
    hash.update(file).update(readFileSync(path.join(root, file)));
  }
}
const digest = hash.digest('hex');

if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest && existsSync(path.join(root, 'dist/web/index.html'))) {
  process.exit(0);
}
console.log('Construction de l’interface web (vite build)…');
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampFile, digest);
