export { detectLanguage, type AnswerLocale, type LanguageDetection } from './detect-language.js';
