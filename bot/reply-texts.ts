/**
 * The few sentences the service writes itself rather than quoting a source.
 * They state what happens, never a fact about products, fees or policies.
 */
export const replyTexts = {
  en: {
    disclosure: 'You are chatting with an automated assistant. It answers only from our published help articles and shows its sources.',
    /** The same notice where every character is paid for (SMS), used when the long one would cut the answer. */
    shortDisclosure: 'Automated assistant: answers only from our help articles.',
    handoff:
      "I can't answer that reliably from our help articles, and I won't guess. This question needs one of our service team.",
    otherLanguage: 'We only have this information in another language:',
    whatDoYouNeed: 'What would you like to know? Tell me in a sentence, for example "How do I block my card?"',
    whichOfThese: (titles: readonly string[]) => `Could you tell me a little more about what you need? For example: ${listOf(titles, 'or')}?`,
    onlyEnglishAndDutch: 'I can answer in English and Dutch. I am passing your message to our service team.',
    onlyText: 'Thanks for your message. I can only read text, not photos, voice messages or files. Please type your question.',
    passingToPerson: "I'm passing your message to our service team.",
    thanksForScore: 'Thank you for your feedback.',
    personWillReply: (when: string) => `A colleague will reply here ${when}.`,
    slowDown: 'You are sending messages faster than I can answer them. I will answer new messages again in a minute.',
  },
  nl: {
    disclosure:
      'U chat met een geautomatiseerde assistent. Die antwoordt alleen op basis van onze gepubliceerde helpartikelen en toont de bronnen.',
    shortDisclosure: 'Geautomatiseerde assistent: antwoordt alleen uit onze helpartikelen.',
    handoff:
      'Deze vraag kan ik niet betrouwbaar beantwoorden op basis van onze helpartikelen, en ik ga niet gokken. Hiervoor is een medewerker van ons serviceteam nodig.',
    otherLanguage: 'Hierover hebben we alleen informatie in het Engels:',
    whatDoYouNeed: 'Wat wilt u weten? Vertel het in een zin, bijvoorbeeld "Hoe blokkeer ik mijn pas?"',
    whichOfThese: (titles: readonly string[]) => `Kunt u iets meer vertellen over wat u zoekt? Bijvoorbeeld: ${listOf(titles, 'of')}?`,
    onlyEnglishAndDutch: 'Ik antwoord in het Nederlands en het Engels. Ik geef uw bericht door aan ons serviceteam.',
    onlyText: 'Bedankt voor uw bericht. Ik kan alleen tekst lezen, geen foto\'s, spraakberichten of bestanden. Typ uw vraag alstublieft.',
    passingToPerson: 'Ik geef uw bericht door aan ons serviceteam.',
    thanksForScore: 'Bedankt voor uw beoordeling.',
    personWillReply: (when: string) => `Een collega antwoordt hier ${when}.`,
    slowDown: 'U stuurt berichten sneller dan ik ze kan beantwoorden. Over een minuut beantwoord ik nieuwe berichten weer.',
  },
} as const satisfies Record<
  'en' | 'nl',
  {
    disclosure: string;
    shortDisclosure: string;
    handoff: string;
    otherLanguage: string;
    whatDoYouNeed: string;
    whichOfThese: (titles: readonly string[]) => string;
    onlyEnglishAndDutch: string;
    onlyText: string;
    passingToPerson: string;
    thanksForScore: string;
    personWillReply: (when: string) => string;
    slowDown: string;
  }
>;

function listOf(items: readonly string[], conjunction: string): string {
  const quoted = items.map((item) => `"${item}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}
