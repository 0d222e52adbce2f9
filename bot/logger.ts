import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * JSON logs. Customer text, bodies and credentials are never passed to the
 * logger; the redaction list is a second line of defence for fields that
 * might be logged by mistake.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'groundline' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'text',
          '*.text',
          'body',
          '*.body',
          'password',
          '*.password',
          'authorization',
          '*.authorization',
          'headers.cookie',
          'databaseUrl',
          '*.databaseUrl',
          'apiKey',
          '*.apiKey',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
