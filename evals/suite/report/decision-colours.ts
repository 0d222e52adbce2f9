/** One colour per decision, the same in every chart and table of the report; `none` is no decision delivered. */
export const decisionColours: Record<string, string> = {
  answer: '#2e7d32',
  clarify: '#f9a825',
  handoff: '#1565c0',
  none: '#9e9e9e',
};

/** One colour per channel for the metric bars. */
export const channelColours: Record<string, string> = {
  sms: '#6a1b9a',
  whatsapp: '#2e7d32',
  email: '#ef6c00',
  'web-chat': '#1565c0',
  'bot-framework': '#00838f',
};

export function decisionColour(decision: string): string {
  return decisionColours[decision] ?? decisionColours.none ?? '#9e9e9e';
}
