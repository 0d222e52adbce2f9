/** Figures for one slice of the service (overall, a channel, a locale or a trend bucket) over a period. */
export interface ServiceFigures {
  conversations: {
    /** Conversations that started in the period. */
    started: number;
    /** Of those, conversations with at least one bot decision. */
    decided: number;
    /** Conversations with at least one bot answer. */
    answered: number;
    /** Conversations for which a case was opened. */
    escalated: number;
    /** Answered conversations whose customer asked the same question again within the repeat window. */
    repeated: number;
    /** Answered, no case, no repeat. */
    automated: number;
    /** automated / decided; null when no conversation had a decision. */
    automatedRate: number | null;
  };
  decisions: {
    total: number;
    answers: number;
    clarifications: number;
    handoffs: number;
    /** handoffs / total. */
    handoffRate: number | null;
    /** Per reason code: handoffs carrying it, and that / all decisions. Most frequent first. */
    byReason: HandoffCause[];
    /** Per routed topic (`none` without one). */
    byTopic: HandoffCause[];
  };
  answerLatency: { decisions: number; p50Ms: number | null; p95Ms: number | null };
  cases: {
    opened: number;
    firstResponses: number;
    firstResponseSeconds: Durations;
    resolved: number;
    resolutionSeconds: Durations;
    sla: { met: number; missed: number; attainment: number | null };
  };
  satisfaction: {
    /** Scores for cases a person resolved. */
    person: Satisfaction;
    /** Nothing asks after a bot-only conversation: always zero responses (see satisfaction-figures.ts). */
    bot: Satisfaction;
  };
  delivery: { messages: number; failed: number; dead: number; failureRate: number | null };
}

export interface HandoffCause {
  cause: string;
  handoffs: number;
  rate: number | null;
}

export interface Durations {
  p50: number | null;
  p95: number | null;
  average: number | null;
}

export interface Satisfaction {
  responses: number;
  /** Mean score, 1–5. */
  average: number | null;
  /** Scores of 4 or 5. */
  satisfied: number;
  satisfiedShare: number | null;
}

export interface ServiceSummary {
  filter: {
    since: string;
    until: string;
    channel: string | null;
    locale: string | null;
    period: 'day' | 'week';
    repeatWindowHours: number;
  };
  generatedAt: string;
  overall: ServiceFigures;
  byChannel: ({ channel: string } & ServiceFigures)[];
  byLocale: ({ locale: string } & ServiceFigures)[];
  /** One entry per day or week of the period (UTC), oldest first, empty ones included. */
  trend: ({ periodStart: string } & ServiceFigures)[];
  /** Cases waiting for a person past their reply-by time now (not limited to the period). */
  breachesNow: { total: number; byChannel: { channel: string; breaches: number }[]; byLocale: { locale: string; breaches: number }[] };
}
