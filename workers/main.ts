import { loadConfigOrExit } from '../server/config/config.js';
import { createLogger } from '../server/logger.js';
import { openRuntime } from '../server/runtime.js';
import { startWorkers } from './workers.js';

const config = loadConfigOrExit();
const logger = createLogger(config, 'workers');
const DRAIN_DEADLINE_MS = 20_000;

const runtime = await openRuntime(config, logger, 'vakregister-workers');
const workers = await startWorkers(config, runtime, logger);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'workers stopping');
  let code = 0;
  try {
    // Stop taking jobs and let running ones finish, within the deadline.
    await workers.close(DRAIN_DEADLINE_MS);
  } catch (err) {
    logger.error({ err }, 'workers did not drain in time');
    code = 1;
  }
  await runtime.close();
  logger.info('workers stopped');
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
// Announced only now that shutdown is handled: whoever waits for this line may send SIGTERM at once.
logger.info('workers started');
