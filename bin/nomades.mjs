#!/usr/bin/env node
// The `nomades` command (npx nomades …). Plain JavaScript so that an old Node can still print why it cannot run.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `Nomades demande Node.js 24 ou plus récent (version utilisée : ${process.version}).\n` +
      `Lancez-le avec « npx nomades … » ou « npm run cli -- … » depuis le dossier du projet (Node 24 y est installé).\n`,
  );
  process.exit(1);
}
await import('../src/server/cli/cli.ts');
