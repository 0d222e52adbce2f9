/**
 * The few sentences the service writes itself rather than quoting a source.
 * They state what happens, never a fact about products, fees or policies.
 */
export const replyTexts = {
  en: {
    disclosure: 'You are chatting with an automated assistant. It answers only from our published help articles and shows its sources.',
    handoff:
      "I can't answer that reliably from our help articles, and I won't guess. This question needs one of our service team.",
    otherLanguage: 'We only have this information in another language:',
  },
  nl: {
    disclosure:
      'U chat met een geautomatiseerde assistent. Die antwoordt alleen op basis van onze gepubliceerde helpartikelen en toont de bronnen.',
    handoff:
      'Deze vraag kan ik niet betrouwbaar beantwoorden op basis van onze helpartikelen, en ik ga niet gokken. Hiervoor is een medewerker van ons serviceteam nodig.',
    otherLanguage: 'Hierover hebben we alleen informatie in het Engels:',
  },
} as const satisfies Record<'en' | 'nl', { disclosure: string; handoff: string; otherLanguage: string }>;
