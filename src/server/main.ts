import { ConfigError, loadConfig } from './config.ts';
import { startPortal } from './boot.ts';

// Reads the configuration and listens; everything else lives in boot.ts and app.ts.
try {
  const config = loadConfig();
  const portal = await startPortal(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      portal.shutdown(signal).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
