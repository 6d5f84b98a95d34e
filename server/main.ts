/**
 * Start the server: read the configuration once, open the store, load the data, listen.
 */
import path from 'node:path';
import { createApp, draftsOf } from './app';
import { loadParticipation } from './catalogue';
import { readConfig } from './config';
import { createI18n } from './i18n';
import { createPdfConverter, locateSoffice } from './documents/pdf';
import { createDocumentPool } from './documents/pool';
import { createHttpServer } from './http/http-server';
import { createLogger } from './logger';
import { PATHS } from './paths';
import { openStore } from './store/store';

function main(): void {
  const logger = createLogger();
  const config = readConfig(process.env);
  const store = openStore(path.join(config.dataDir, 'assistant.sqlite'));
  // Documents render on worker threads, behind a bounded queue (documents/pool.ts).
  const documents = createDocumentPool({
    workers: config.documentWorkers,
    queue: config.documentQueue,
    nice: config.documentWorkerNice,
  });
  // PDF through one resident LibreOffice, started at the first PDF asked for (documents/pdf.ts).
  const pdf = createPdfConverter({
    availability: locateSoffice({
      enabled: config.pdf.enabled,
      configuredPath: config.pdf.sofficePath,
      searchPath: config.pdf.searchPath,
    }),
    parentDir: config.dataDir,
    queue: config.pdf.queue,
    timeoutMs: config.pdf.timeoutMs,
    log: (event, fields) => logger.info(event, fields),
  });
  if (!pdf.availability.available) logger.info('pdf_unavailable', { reason: pdf.availability.reason });
  const deps = {
    documents,
    pdf,
    i18n: createI18n(PATHS.locales),
    participation: loadParticipation(PATHS.participationData),
    store,
    logger,
    clock: () => new Date(),
    bodyLimitBytes: config.bodyLimitBytes,
    requestLog: config.requestLog,
    draftRetentionDays: config.draftRetentionDays,
    databaseMaxBytes: config.databaseMaxBytes,
    trustProxy: config.trustProxy,
    corsOrigins: config.corsOrigins,
    draftCreateLimit: config.draftCreateLimit,
  };
  const app = createApp(deps);
  // Drafts unchanged for DRAFT_RETENTION_DAYS are deleted at start-up and once a day.
  const drafts = draftsOf(deps);
  const purge = () => logger.info('drafts_purged', { count: drafts.purgeExpired() });
  purge();
  const daily = setInterval(purge, 24 * 3600 * 1000);
  daily.unref();
  // Requests and responses made with the app's prototypes (http/http-server.ts), not given them later.
  const server = createHttpServer(app).listen(config.port, config.host, () => {
    logger.info('listening', {
      url: `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`,
      dataDir: config.dataDir,
    });
    // The document workers start once the first pages can be served (documents/pool.ts).
    setImmediate(() => documents.start?.());
  });
  const stop = () => {
    clearInterval(daily);
    server.close(() => {
      store.close();
      void Promise.allSettled([documents.close(), pdf.close()]).finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
