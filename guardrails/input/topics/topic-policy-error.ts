import { AppError } from '../../../bot/errors/app-error.js';

/** One problem in a policy file: where and what, in words a curator can act on. */
export interface TopicPolicyIssue {
  /** Dotted path in the document (`topics.2.patterns.nl.0`), or `file` for the file as a whole. */
  at: string;
  /** 1-based line of the offending node, when the file got far enough to have one. */
  line?: number;
  message: string;
}

/** The restricted-topic policy file cannot be used; the service must not start with a partial policy. */
export class TopicPolicyError extends AppError {
  override readonly name = 'TopicPolicyError';
  readonly isRetryable = false;

  constructor(
    /** The file that was read (or a label for text parsed from memory). */
    readonly path: string,
    readonly issues: readonly TopicPolicyIssue[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid restricted-topic policy ${path}:\n${issues.map((issue) => `  ${describeIssue(path, issue)}`).join('\n')}`, options);
  }
}

function describeIssue(path: string, issue: TopicPolicyIssue): string {
  return issue.line === undefined ? `${issue.at}: ${issue.message}` : `${path}:${issue.line} ${issue.at}: ${issue.message}`;
}
