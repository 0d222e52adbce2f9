import { normalizeWords } from '../topics/normalize-words.js';
import { compilePhrasePattern, findPhrase, type PhraseMatch, type PhrasePattern } from '../topics/phrase-pattern.js';
import type { TopicLocale } from '../topics/topic-policy.js';

// "medewerker" too: Dutch customers writing English often keep the Dutch word.
const englishPerson =
  'human|humans|person|people|agent|agents|employee|employees|representative|rep|operator|advisor|adviser|staff|someone|somebody|colleague|consultant|medewerker';
const dutchPerson = 'medewerker|medewerkers|mens|mensen|persoon|iemand|adviseur';
const bot = 'bot|robot|chatbot|machine|computer|ai';

/**
 * Ways customers ask for a person. Decisions a reader might not expect:
 * - asking HOW to reach a person ("how can I talk to someone?") counts: in a
 *   chat the quickest answer to that is the handoff itself;
 * - "are you a real person?" counts, as "echt persoon" does in Dutch: a
 *   customer who asks wants one;
 * - questions about contact details, phone numbers and opening hours do not
 *   count: the contact articles answer them;
 * - "moet ik iemand bellen?" and "will you call me?" do not count: they ask who
 *   calls whom, not for a call.
 */
const patternSources: Readonly<Record<TopicLocale, readonly string[]>> = {
  en: [
    `talk|talking|speak|speaking|chat|chatting ... to|with ... ${englishPerson}`,
    'want|need|like|prefer|get a|an real|actual|live? human|person|agent|employee|representative|operator|advisor|adviser',
    'give me a|an real|actual|live? human|person|agent|employee|representative|operator|advisor|adviser',
    'want|need|like someone|somebody real',
    'real|actual|live human|humans|person|people|agent|employee|operator',
    'human being',
    `connect|transfer|put|pass|forward|escalate me|this|it ... to|through ... ${englishPerson}`,
    'can|could|would ... someone|somebody|you|agent|employee|advisor|adviser ... call|ring|phone me|us',
    'please|pls|plz call|ring|phone me|us',
    'call|ring me back',
    'callback',
    `dont|not ... want ... a|the|this|your|some? ${bot}`,
    `not|no to|with|more a|the? ${bot}`,
  ],
  nl: [
    `${dutchPerson} ... spreken|praten|chatten`,
    `spreken|praten|chatten ... met ... ${dutchPerson}`,
    'medewerker|mens|persoon aub|alstublieft|alsjeblieft|graag|please|pls',
    'wil|graag ... een medewerker|mens',
    'echt|echte persoon|mens|mensen|medewerker',
    `doorverbinden|doorverbonden|doorzetten|doorschakelen ... ${dutchPerson}`,
    'verbind|verbindt|zet me|mij ... door',
    'kunt|kun|kan|kunnen|wil|wilt ... iemand|u|jij|jullie|je ... mij|me ... bellen|terugbellen|opbellen',
    'bel me|mij',
    'terugbelverzoek',
    'teruggebeld',
    `niet ... met|tegen ... ${bot}`,
    `geen ${bot}`,
  ],
};

const patterns: Readonly<Record<TopicLocale, readonly PhrasePattern[]>> = {
  en: patternSources.en.map(compilePhrasePattern),
  nl: patternSources.nl.map(compilePhrasePattern),
};

/** Whole messages that are nothing but a request for a person ("Agent!", "een medewerker graag"). */
const bareRequests = new Set(['human', 'humans', 'agent', 'operator', 'person', 'representative', 'employee', 'medewerker', 'mens', 'persoon']);
const filler = new Set(['please', 'pls', 'plz', 'now', 'a', 'an', 'the', 'real', 'live', 'aub', 'alstublieft', 'alsjeblieft', 'graag', 'een', 'echte', 'echt', 'nu']);

/**
 * The words in which the customer asks to talk to a person, or undefined.
 * The patterns of `locale` are tried first, then those of the other locale:
 * customers mix languages ("can I talk to a medewerker").
 */
export function findHumanRequest(text: string, locale: TopicLocale): PhraseMatch | undefined {
  const words = normalizeWords(text);
  const meaningful = words.filter((word) => !filler.has(word));
  if (meaningful.length === 1 && bareRequests.has(meaningful[0] ?? '')) {
    return { pattern: '(the whole message)', matchedText: words.join(' ') };
  }
  const otherLocale: TopicLocale = locale === 'en' ? 'nl' : 'en';
  for (const pattern of [...patterns[locale], ...patterns[otherLocale]]) {
    const match = findPhrase(words, pattern);
    if (match) return match;
  }
  return undefined;
}

/** Whether the customer explicitly asks to talk to a person (see {@link findHumanRequest} for the evidence). */
export function detectHumanRequest(text: string, locale: TopicLocale): boolean {
  return findHumanRequest(text, locale) !== undefined;
}
