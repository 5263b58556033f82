import { pino, type Logger } from 'pino';
import type { AppConfig } from './config/config.js';

/** Constant messages, data in fields; cookies, tokens and personal data never reach the log. */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, name: string): Logger {
  return pino({
    name,
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.accessToken',
        '*.idToken',
        '*.email',
        '*.toAddress',
      ],
      censor: '[redacted]',
    },
  });
}
