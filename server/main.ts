/**
 * Start the server: read the configuration once, open the store, load the data, listen.
 */
import path from 'node:path';
import { createApp } from './app';
import { loadParticipation } from './catalogue';
import { readConfig } from './config';
import { createI18n } from './i18n';
import { createLogger } from './logger';
import { PATHS } from './paths';
import { openStore } from './store/store';

function main(): void {
  const logger = createLogger();
  const config = readConfig(process.env);
  const store = openStore(path.join(config.dataDir, 'assistant.sqlite'));
  const app = createApp({
    i18n: createI18n(PATHS.locales),
    participation: loadParticipation(PATHS.participationData),
    store,
    logger,
    clock: () => new Date(),
    bodyLimitBytes: config.bodyLimitBytes,
    requestLog: config.requestLog,
    trustProxy: config.trustProxy,
    draftCreateLimit: config.draftCreateLimit,
  });
  const server = app.listen(config.port, config.host, () => {
    logger.info('listening', {
      url: `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`,
      dataDir: config.dataDir,
    });
  });
  const stop = () => {
    server.close(() => {
      store.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
