/** Languages the detector models. Only English and Dutch are answered; the rest are reported as 'other'. */
export type ModelLanguage = 'en' | 'nl' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'pl' | 'tr';

export const modelLanguages: readonly ModelLanguage[] = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'tr'];
