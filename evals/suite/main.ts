import { readEnvironment } from '../../bot/config.js';
import { runEvalCommand } from './cli/run-eval-command.js';

// `npm run eval -- [options]` (see evalUsage): the evaluation suite for QA teams.
// Exit 0 within thresholds, 1 a metric crossed its threshold, 2 unusable input, 3 the run itself failed.
runEvalCommand({ argv: process.argv.slice(2), environment: readEnvironment(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Evaluation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(3);
  },
);
