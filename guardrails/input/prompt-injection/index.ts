export { detectPromptInjection } from './detect-prompt-injection.js';
export { detectPassageInjection, findInjectedPassages, type FlaggedPassage } from './detect-passage-injection.js';
export { injectionSignals, type InjectionDetection, type InjectionSignal } from './injection-signal.js';
