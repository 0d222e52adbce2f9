import { createHash } from 'node:crypto';
import { redactPii } from '../../guardrails/input/pii/redact-pii.js';
import type { Embedder } from '../../retrieval/embedder.js';
import { bestWordedQuestion } from './best-worded-question.js';
import { clusterGapQuestions, defaultGapSimilarityThreshold } from './cluster-gap-questions.js';
import type { GapQuestion } from './gap-question-store.js';

export type GapTrend = 'new' | 'rising' | 'steady' | 'falling';

/** One missing need: the questions of the period that asked for it. */
export interface KnowledgeGapCluster {
  /** Stable while the cluster's most central question stays the same: a hash of its normalised text. */
  id: string;
  /** The most central question, redacted. */
  label: string;
  /** Questions in the period. */
  size: number;
  /** Questions in the previous period of equal length. */
  previousSize: number;
  trend: GapTrend;
  locales: string[];
  /** How the bot met them: handed off, asked to clarify, answered with low confidence. */
  decisions: { handoff: number; clarify: number; lowConfidence: number };
  /** Up to five different wordings, redacted, the label first. */
  examples: string[];
  conversationIds: string[];
  firstAskedAt: string;
  lastAskedAt: string;
  /** Every question of the period behind the number, newest first (the drill-down). */
  questions: GapQuestion[];
}

export interface KnowledgeGapPeriod {
  since: Date;
  until: Date;
}

const maximumExamples = 5;
// The medoid is looked for among this many distinct wordings; beyond it the choice changes nothing visible.
const maximumMedoidCandidates = 200;

/**
 * Clusters the questions of this period and the previous one together (so a
 * need keeps its cluster across both), then counts each cluster's questions
 * per period. Clusters with fewer than `minimumSize` questions in this period
 * are left out. Ranked by volume, then by growth, then by id.
 */
export async function buildKnowledgeGapClusters(
  questions: readonly GapQuestion[],
  period: KnowledgeGapPeriod,
  embedder: Embedder,
  options: { minimumSize?: number; threshold?: number } = {},
): Promise<KnowledgeGapCluster[]> {
  const clustered = await clusterGapQuestions(
    questions.map((question) => ({ text: question.question, locale: question.locale })),
    embedder,
    options.threshold ?? defaultGapSimilarityThreshold,
  );
  const inPeriod = (question: GapQuestion) => {
    const at = Date.parse(question.askedAt);
    return at >= period.since.getTime() && at < period.until.getTime();
  };
  const clusters = clustered.groups.flatMap((group): KnowledgeGapCluster[] => {
    const current = group.filter((index) => questions[index] && inPeriod(questions[index]));
    if (current.length < (options.minimumSize ?? 2)) return [];
    const medoid = mostCentral(group, clustered.similarity, clustered.normalized);
    const members = current.flatMap((index) => questions[index] ?? []).sort(newestFirst);
    const central = questions[medoid];
    // The most central wording, unless another one in the period is better written.
    const label = display((bestWordedQuestion([...(central ? [central] : []), ...members]) ?? central)?.question ?? '');
    return [
      {
        id: `gap-${createHash('sha256').update(clustered.normalized[medoid] ?? '').digest('hex').slice(0, 12)}`,
        label,
        size: current.length,
        previousSize: group.length - current.length,
        trend: trendOf(current.length, group.length - current.length),
        locales: [...new Set(members.map((member) => member.locale))].sort(),
        decisions: {
          handoff: members.filter((member) => member.decision === 'handoff').length,
          clarify: members.filter((member) => member.decision === 'clarify').length,
          lowConfidence: members.filter((member) => member.decision === 'answer').length,
        },
        examples: examplesOf(label, members),
        conversationIds: [...new Set(members.map((member) => member.conversationId))],
        firstAskedAt: members.at(-1)?.askedAt ?? '',
        lastAskedAt: members[0]?.askedAt ?? '',
        questions: members.map((member) => ({ ...member, question: display(member.question) })),
      },
    ];
  });
  return clusters.sort(
    (left, right) => right.size - left.size || right.size - right.previousSize - (left.size - left.previousSize) || left.id.localeCompare(right.id),
  );
}

/** The member with the highest weighted similarity to the others; ties go to the shorter, then alphabetically first, wording. */
function mostCentral(group: readonly number[], similarity: (left: number, right: number) => number, normalized: readonly string[]): number {
  const byText = new Map<string, { index: number; count: number }>();
  for (const index of group) {
    const text = normalized[index] ?? '';
    const entry = byText.get(text);
    if (entry) entry.count += 1;
    else byText.set(text, { index, count: 1 });
  }
  const candidates = [...byText.entries()]
    .sort(([leftText, left], [rightText, right]) => right.count - left.count || leftText.localeCompare(rightText))
    .slice(0, maximumMedoidCandidates);
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const score = candidates.reduce((sum, other) => sum + other[1].count * similarity(candidate[1].index, other[1].index), 0);
    const [text] = candidate;
    const better =
      score > bestScore + 1e-9 ||
      (Math.abs(score - bestScore) <= 1e-9 && best !== undefined && (text.length < best[0].length || (text.length === best[0].length && text < best[0])));
    if (better) {
      best = candidate;
      bestScore = score;
    }
  }
  return best?.[1].index ?? group[0] ?? 0;
}

function trendOf(size: number, previousSize: number): GapTrend {
  if (previousSize === 0) return 'new';
  if (size > previousSize) return 'rising';
  if (size < previousSize) return 'falling';
  return 'steady';
}

/** The label, then the most frequent other wordings (newest first among equals), each once. */
function examplesOf(label: string, members: readonly GapQuestion[]): string[] {
  const counts = new Map<string, number>();
  for (const member of members) {
    const text = display(member.question);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const others = [...counts.entries()].filter(([text]) => text !== label).sort((left, right) => right[1] - left[1]);
  return [label, ...others.map(([text]) => text)].slice(0, maximumExamples);
}

/** Stored questions are redacted already; redacting again costs little and guards against an older row. */
function display(question: string): string {
  return redactPii(question).text.replace(/\s+/g, ' ').trim();
}

function newestFirst(left: GapQuestion, right: GapQuestion): number {
  return right.askedAt.localeCompare(left.askedAt) || left.answerId.localeCompare(right.answerId);
}
