import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:crash`: the full kill -9 run, 5 repetitions of 1,000 inbound
 * SMS (several minutes on two cores). The normal suite runs the same test
 * smaller (2 × 300).
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['bot/crash-recovery.int.test.ts'],
    provide: { crashRecoveryRun: { repetitions: 5, messages: 1_000 } },
  },
});
