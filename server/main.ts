// The only file that touches the process: flags and env, listen, signals.

import { buildApp } from './app.ts';
import { ConfigError, readConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  const app = await buildApp(config);
  const stop = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const address = await app.listen({ port: config.port, host: config.host });
  // The first full evaluation takes seconds on a district: run it after the server has started
  // answering (tree, health), not before. The first wall to subscribe would trigger it anyway.
  setTimeout(() => app.services.live.current(), 1000).unref();
  console.log(`Vanguard wall: ${address.replace('127.0.0.1', 'localhost')}/`);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`vanguard: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
