import type { Priority } from '../bot/answer-engine/answer-outcome.js';
import { addServiceMinutes } from './service-hours.js';

/**
 * How soon a person answers, per priority. Urgent cases (an ongoing fraud, a
 * threat of self-harm) count the clock around the hour; the others count the
 * service team's opening hours only.
 */
const targets: Record<Priority, { minutes: number; aroundTheClock: boolean }> = {
  urgent: { minutes: 15, aroundTheClock: true },
  high: { minutes: 60, aroundTheClock: false },
  normal: { minutes: 4 * 60, aroundTheClock: false },
  low: { minutes: 12 * 60, aroundTheClock: false },
};

/** When a case opened now at this priority is due. */
export function slaDueAt(priority: Priority, openedAt: Date): Date {
  const target = targets[priority];
  return target.aroundTheClock ? new Date(openedAt.getTime() + target.minutes * 60_000) : addServiceMinutes(openedAt, target.minutes);
}
