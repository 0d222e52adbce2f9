import type { InjectionRule } from './injection-rule.js';

// Rules that try to replace what the assistant was told: override, persona, prompt
// disclosure and dictated answers. English and Dutch words share one pattern, so mixed
// messages ("negeer all previous instructions") match too.

const alternatives = (...options: string[]): string => `(?:${options.join('|')})`;
const rule = (signal: InjectionRule['signal'], source: string): InjectionRule => ({ signal, pattern: new RegExp(source, 'm') });

/** Not narrated: "I always forget the rules", "don't ignore", "criminals ignore" are not orders to the assistant. */
const notNarrated =
  '(?<!\\b(?:i|we|they|he|she|it|people|customers|criminals|scammers|fraudsters|callers?|always|often|sometimes|usually|never|not|' +
  "don't|do not|didn't|did not|won't|can't|cannot|couldn't|shouldn't|ik|wij|ze|zij|hij|niet|nooit|vaak|soms|altijd)\\s)" +
  // "They may tell you to forget the security rules" describes a scam; "I want you to forget" stays an order.
  '(?<!\\b(?:tell|tells|told|ask|asks|asked|urge|urges|urged|instruct|instructs|pressure|pressures|persuade|persuades|convince|convinces|get|gets) (?:you|u|me|them|people|customers|victims) to\\s)';

/** "Ignore instructions from the caller" is anti-phishing advice, not an injection. */
const notAboutAScammer =
  '(?!\\s+(?:from|in|of|by|given by|sent by|on|that come from|van|in|uit)\\s+(?:the |a |an |any |such |this |that |these |those |unknown |suspicious |fake |de |het |een |zo\'n |onbekende |verdachte |nep)*' +
  '(?:caller|callers|sms|texts?|messages?|e-?mails?|criminals?|scammers?|fraudsters?|letters?|websites?|links?|person|people|strangers?|someone|anyone|qr|apps?|pop-?ups?|chat|whatsapp|phone|calls?|unknown|beller|bellers|berichten|bericht|criminelen|oplichters|afzender|onbekenden|iemand))';

const overrideVerb = alternatives(
  'ignore', 'disregard', 'forget', 'override', 'overrule', 'discard', 'abandon', 'bypass', 'circumvent', 'erase', 'delete', 'neglect',
  'set aside', 'put aside', 'throw away', 'throw out', 'pay no attention to', 'stop following', 'stop obeying',
  'negeer', 'vergeet', 'verwaarloos', 'overschrijf', 'omzeil', 'schrap', 'wis', 'passeer', 'verwerp',
);
const instructionDeterminer = alternatives(
  'all', 'any', 'every', 'each', 'of', 'the', 'your', 'these', 'those', 'this', 'that', 'previous', 'prior', 'above', 'earlier',
  'preceding', 'foregoing', 'initial', 'original', 'system', 'existing', 'current', 'old', 'safety', 'given', 'default',
  'above-mentioned', 'other', 'internal', 'hidden', 'developer', 'operator', 'preset', 'programmed', 'built-in', 'standard', 'security',
  'past', 'ai', 'assistant', 'bot', "assistant's", "model's", 'content', 'previously', 'stated', 'provided', 'mentioned', 'following',
  'alle', 'al', 'je', 'jouw', 'uw', 'de', 'het', 'eerdere', 'vorige', 'voorgaande', 'bovenstaande', 'bovengenoemde', 'oorspronkelijke',
  'originele', 'huidige', 'oude', 'bestaande', 'systeem', 'interne', 'verborgen', 'van', 'die', 'deze', 'dit', 'gegeven', 'eerder', 'gestelde',
  // Fillers: "negeer dan je instructies", "just ignore the rules".
  'dan', 'nu', 'maar', 'gewoon', 'dus', 'now', 'just', 'simply',
);
const instructionObject = alternatives(
  'instructions?', 'rules', 'guidelines', 'guidance', 'directives?', 'prompts?', 'system prompt', 'programming', 'constraints', 'guardrails',
  'policies', 'policy', 'restrictions', 'training', 'conditioning', 'context', 'orders', 'commands', 'limitations', 'safeguards', 'filters',
  'configuration', 'boundaries', 'ethics', 'principles', 'knowledge base', 'sources',
  'instructies?', 'regels', 'richtlijnen', 'opdrachten', 'opdracht', 'systeemprompt', 'programmering', 'beperkingen', 'voorschriften',
  'configuratie', 'aanwijzingen', 'grenzen', 'principes', 'kennisbank', 'bronnen', '\\w+regels', '\\w+instructies',
);

/** Words between a verb and "your instructions" that make it a request about a task, not about the prompt. */
const notAboutATask =
  '(?!\\s+(?:for|on|about|regarding|when|if|voor|over|om|bij|op|als|wanneer|to (?:block|reset|open|close|change|activate|apply|pay|transfer|get|make|report|cancel|set|use|do|unblock|order|request)))';

const revealVerb = alternatives(
  'show', 'reveal', 'print', 'display', 'repeat', 'output', 'dump', 'leak', 'disclose', 'expose', 'recite', 'paste', 'copy',
  'spell out', 'write out', 'type out', 'read out', 'read back', 'translate', 'summari[sz]e', 'list', 'tell me', 'give me', 'share',
  'send me', 'return', 'quote', 'echo',
  'toon', 'geef', 'herhaal', 'print', 'vertaal', 'noem', 'deel', 'onthul', 'citeer', 'plak', 'kopieer', 'schrijf', 'lees', 'vat',
  'laat (?:me|mij|ons|zien)', 'stuur (?:me|mij)',
);
const promptObject = alternatives(
  'instructions', 'prompts?', 'system prompt', 'directives', 'programming', 'configuration', 'initial instructions', 'guidelines',
  'instructies', 'systeemprompt', 'programmering', 'configuratie', 'richtlijnen',
);
/** Adjectives that only make sense for an assistant's own prompt. */
const hiddenAdjective = alternatives(
  'initial', 'original', 'hidden', 'secret', 'internal', 'underlying', 'developer', 'operator', 'system', 'confidential', 'pre-?set',
  'oorspronkelijke', 'originele', 'verborgen', 'geheime', 'interne', 'systeem',
);
const wholeAdjective = alternatives(
  'full', 'complete', 'exact', 'entire', 'whole', 'verbatim', 'first', 'volledige', 'exacte', 'letterlijke', 'hele', 'eerste',
);

// After a sentence mark, spaces only: the scanned text holds no whitespace but spaces and line breaks, and
// a line break is itself a sentence mark, so `\s*` matched nothing more, yet it made a run of blank lines
// cost time in the square of its length (1.4 s for 20,000 characters of them).
const forcedLead =
  '(?:^|[.!?;:\\n] *|\\b(?:please|only|now|always|you must|you should|you will|you have to|i want you to|i need you to|' +
  'make sure (?:to|you)|instead|must|and|then|alsjeblieft|graag|alleen|nu|altijd|je moet|jij moet|u moet|ik wil dat je|en|dan)\\s+)' +
  '(?:(?:just|simply|only|now|gewoon|even|alleen|maar)\\s+)?';
// Not "type", "tap" or "confirm": help-centre text tells customers to type "block card" or confirm "Yes, this was me".
const forcedVerb = alternatives(
  'say', 'reply', 'respond', 'answer', 'write', 'output', 'print', 'state', 'declare', 'tell (?:the customer|the user|me)',
  'zeg', 'antwoord', 'reageer', 'schrijf', 'meld', 'vertel (?:de klant|de gebruiker|mij|me)',
);
/** A dictated answer is a sentence: at least two words in quotes ('Reply "STOP"' is not one). */
const quotedSentence = `(?:"[^"\\n ]{1,40} [^"\\n]{1,300}"|'[^'\\n ]{1,40} [^'\\n]{1,300}')`;
const forcedFiller = alternatives(
  'only', 'exactly', 'verbatim', 'literally', 'just', 'back', 'with', 'by saying', 'the', 'following', 'words?', 'sentence', 'phrase',
  'text', 'this', 'word for word', 'your (?:answer|reply|response|message)', 'in (?:english|dutch)', 'every (?:answer|reply|response)',
  'to the customer', 'to the user', 'to me', 'that',
  'alleen', 'precies', 'letterlijk', 'exact', 'uitsluitend', 'met', 'de', 'het', 'volgende', 'woorden?', 'zin', 'tekst', 'dit',
  '(?:je|jouw|elk) antwoord', 'tegen de klant', 'in het (?:engels|nederlands)', 'dat',
);

export const instructionInjectionRules: readonly InjectionRule[] = [
  // --- override_instructions ---
  rule('override_instructions', `${notNarrated}\\b${overrideVerb}\\s+(?:${instructionDeterminer}\\s+){0,5}${instructionObject}\\b${notAboutAScammer}`),
  rule('override_instructions', `\\b${overrideVerb}\\s+(?:all\\s+|of\\s+)*(?:everything|anything|all)\\s+(?:(?:that )?(?:was |is )?(?:written |said |stated )?(?:above|before (?:this|now|here)|prior|previously|so far)|you (?:were|have been|'ve been|got) (?:told|given|instructed|taught|trained)|(?:that )?came before|in your (?:prompt|instructions|system prompt))`),
  rule('override_instructions', `\\b${overrideVerb}\\s+(?:all of |everything )?(?:the |het |de |al het )?(?:above|previous|preceding|prior|foregoing|bovenstaande|voorgaande)(?: (?:text|content|input|prompt|lines|directions|tekst|invoer))?[,.]? (?:(?:and|then|now|instead|en|dan|nu|maar)\\s+)+(?:say|print|write|reply|tell|output|respond|answer|translate|repeat|reveal|show|do|follow|act|pretend|list|send|zeg|schrijf|antwoord|vertel|toon|geef|doe|volg|herhaal|vertaal)\\b`),
  rule('override_instructions', `\\b(?:ignore|forget|disregard)\\s+(?:everything\\s+|all\\s+)?what(?:ever)? you (?:were|have been|'ve been) (?:told|instructed|asked|given|programmed|trained)\\b|\\b(?:negeer|vergeet)\\s+(?:alles\\s+)?wat (?:je|jij|u) (?:eerder |vooraf |hiervoor )?(?:is|werd|zijn) (?:opgedragen|verteld|gezegd|geinstrueerd|gevraagd)\\b`),
  rule('override_instructions', `\\b(?:vergeet|negeer)\\s+alles\\s+(?:wat\\s+)?(?:hierboven|hiervoor|eerder|tot nu toe|(?:je|jou|u) (?:is |zijn |werd )?(?:verteld|gezegd|opgedragen|geleerd|gegeven))`),
  rule('override_instructions', `${notNarrated}\\b(?:do not|don't|stop|no longer|never again)\\s+(?:follow|obey|adhere to|comply with|listen to|apply|respect)(?:ing)?\\s+(?:any of |all of )?(?:${instructionDeterminer}\\s+){0,4}${instructionObject}\\b${notAboutAScammer}`),
  rule('override_instructions', `\\b(?:volg|gehoorzaam|respecteer)\\s+(?:${instructionDeterminer}\\s+){0,4}${instructionObject}\\s+(?:niet|niet meer|niet langer)\\b`),
  rule('override_instructions', `\\b(?:houd|hou) je (?:niet (?:meer |langer )?aan|nergens meer aan) (?:${instructionDeterminer}\\s+){0,4}${instructionObject}\\b`),
  rule('override_instructions', `\\btrek je (?:niets|niks) aan van (?:${instructionDeterminer}\\s+){0,4}${instructionObject}\\b`),
  rule('override_instructions', `\\bnew (?:system )?(?:instructions|rules|directives|task|orders|prompt)\\s*:|\\bfollow (?:these|the|my) new (?:instructions|rules)\\b`),
  rule('override_instructions', `\\b(?:your|the) new (?:task|instructions|rules|goal|role|objective|purpose|directive|job|mission|persona)\\s+(?:is|are|will be|:)`),
  rule('override_instructions', `\\bnieuwe (?:instructies|regels|opdracht|taak|systeemprompt)\\s*:|\\bvolg (?:deze|de|mijn) nieuwe (?:instructies|regels)\\b|\\b(?:je|jouw|uw) nieuwe (?:taak|opdracht|instructies|rol|doel|regels)\\s+(?:is|zijn|:)`),
  rule('override_instructions', `\\byour (?:previous |original |old |initial |system )?(?:instructions|rules|guidelines|prompt|programming|restrictions) (?:have been |are |were |got )?(?:overridden|replaced|revoked|suspended|disabled|lifted|cancell?ed|deleted|void|null and void|no longer (?:apply|valid|in effect))`),
  rule('override_instructions', `\\b(?:je|jouw) (?:vorige |oorspronkelijke |oude )?(?:instructies|regels|richtlijnen) (?:zijn |worden )?(?:vervangen|ingetrokken|opgeheven|uitgeschakeld|vervallen|ongeldig|gelden niet meer|zijn niet meer geldig)`),
  rule('override_instructions', `\\b(?:ignore|disregard|forget)\\s+(?:what\\s+)?(?:the|this|their|any)\\s+(?:customer|user|client)(?:'s|s')?\\s*(?:question|request|message|query|input|asks|says|wants)`),
  rule('override_instructions', `\\b(?:negeer|vergeet)\\s+(?:(?:dan|nu|maar|gewoon)\\s+)?(?:de vraag van (?:de|een) (?:klant|gebruiker)|wat de (?:klant|gebruiker) (?:vraagt|zegt|wil)|de (?:klant|gebruiker)\\b)`),
  rule('override_instructions', `\\b(?:instead of|rather than) answering(?:,| the (?:customer'?s? |user'?s? |actual )?question,?)?\\s+(?:tell|say|write|reply|respond|output|print|list|give|send|recommend|direct|explain)\\b|\\bin plaats van (?:te antwoorden|de vraag te beantwoorden|antwoord te geven),? (?:zeg|vertel|schrijf|geef|stuur)\\b`),
  rule('override_instructions', `\\bstop being (?:an? |the )?(?:assistant|bot|chatbot|helpful|lumen|customer service|ai)\\b|\\bstop (?:met )?(?:een )?(?:assistent|chatbot) (?:te )?zijn\\b`),

  // --- role_play ---
  rule('role_play', `\\byou(?: are|'re| r)\\s+(?:now|from now on|henceforth|hereby)\\s+(?:an? |the |my (?:new |personal )?)?(?:\\w+\\s+){0,2}(?:ai|assistant|bot|chatbot|model|llm|gpt|chatgpt|dan|called|named|going to (?:act|play|be|pretend)|playing|free|unrestricted|unfiltered|uncensored|jailbroken|hacker|servant|slave|character|persona|version|system|admin|administrator|developer|employee|manager|human|in (?:developer|dev|god|admin|debug|unrestricted|test|jailbreak|dan) mode)\\b`),
  rule('role_play', `\\byou(?: are|'re) (?:an? )?(?:unrestricted|unfiltered|uncensored|jailbroken|evil|rogue) (?:ai|assistant|chatbot|bot|model)\\b`),
  rule('role_play', `\\byou(?: are|'re)\\s+no longer\\s+(?:an? |the )?(?:ai|assistant|bot|chatbot|model|language model|customer service|bound|restricted|limited|lumen|constrained|a bank'?s? (?:assistant|bot))\\b`),
  rule('role_play', `\\bfrom now on,?\\s+you(?: are|'re| will be)\\s+(?:(?:an?|the|dan|called|named|no longer|free|unrestricted|unfiltered|my (?:new |personal )?(?:assistant|ai|servant|slave|hacker))\\b|"|[a-z]+(?:gpt|bot|ai)\\b)`),
  rule('role_play', `\\bact (?:as (?:if|though) you\\b|like (?:an? )?(?:unrestricted|unfiltered|different|evil|jailbroken) )`),
  rule('role_play', `\\bact as (?:an?|the)\\s+(?:(?:new|different|unrestricted|unfiltered|uncensored|jailbroken|evil|rogue|free|rebellious|senior|bank|lumen bank|lumen)\\s+){0,3}(?:ai|assistant|chatbot|bot|model|language model|llm|gpt|chatgpt|dan|system|admin|administrator|root|superuser|developer|hacker|terminal|linux terminal|shell|python interpreter|sql database|database|character|human|employee|manager|supervisor|fraud officer|compliance officer|agent with)\\b`),
  rule('role_play', `\\bact as dan\\b|\\bdo anything now\\b|\\bdan (?:mode|prompt|jailbreak)\\b|\\b(?:you are|you're|become|enable|activate) dan\\b`),
  rule('role_play', `\\b(?:act|speak|talk|pretend|role-?play) (?:as|like|to be) (?:my |a )?(?:deceased |late |dead |dear )?(?:grandma|grandmother|granny|grandpa|grandfather|oma|opa)\\b`),
  rule('role_play', `\\b(?:let'?s|lets|we(?:'ll| will)|you(?:'ll| will)|start a|begin a|in this|do a|play a|new) role[- ]?play|\\brole[- ]?play(?:ing)? (?:as|that|where|in which|game|scenario|mode)\\b|\\brollenspel\\b`),
  // Spaces only after the mark, as in forcedLead.
  rule('role_play', `(?:^|[.!?;:\\n,] *|\\b(?:please|now|you must|you should|you will|i want you to|i need you to|can you|could you|would you|will you|let'?s|lets|kindly)\\s+)pretend (?:to be|you(?:'re| are| were| have| can| had)|that you|that (?:there|the rules|your)|to have)\\b`),
  rule('role_play', `\\bimagine (?:that )?you(?:'re| are| were| have| had)\\s+(?:an? |the )?(?:ai|assistant|bot|chatbot|model|language model|llm|unrestricted|unfiltered|evil|different|human|free|without|no longer|not bound|jailbroken|hacker|dan)\\b`),
  rule('role_play', `\\bsimulate (?:an? |the |being (?:an? )?)?(?:ai|assistant|chatbot|bot|model|unrestricted|unfiltered|terminal|developer mode|dan|jailbroken|conversation where)\\b`),
  rule('role_play', `\\b(?:god|sudo|admin|administrator|root|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|dan|evil|chaos|opposite|unlocked|maintenance override) ?mode\\b`),
  rule('role_play', `\\b(?:enable|activate|enter|switch (?:to|into)|turn on|go into|run in|you(?: are|'re)(?: now)? in|now in) (?:the )?(?:developer|dev|debug) ?mode\\b(?! (?:on|in|of) (?:my|the|his|her|your) (?:phone|android|device|iphone|telefoon|toestel|tablet|settings))`),
  {
    signal: 'role_play',
    pattern: /(?:^|[^A-Za-z])(?:[Aa]ls?|[Aa]ct as|[Yy]ou are|[Yy]ou're|[Jj]e bent|[Bb]en je|[Jj]ij bent|[Ss]peel|[Hh]eet|[Nn]amed|[Cc]alled|[Bb]ecome|[Ww]ord)\s+["']?DAN\b|\bDAN\s*(?:[Mm]ode|[Mm]odus|[Pp]rompt|[Jj]ailbreak|:)/m,
    matchCase: true,
  },
  rule('role_play', `\\b(?:stay|remain|keep) in character\\b|\\bbreak(?:ing)? character\\b|\\b(?:blijf|val) (?:in|uit) (?:je|jouw) rol\\b`),
  rule('role_play', `\\bdoe (?:maar |nu )?alsof (?:je|jij|u) (?:\\w+ ){0,2}?(?:een|de|het|geen|zonder|vrij|ongefilterd|ongecensureerd|onbeperkt|dan|mijn)\\b|\\bdoe (?:maar |nu )?alsof (?:er )?geen (?:regels|beperkingen|instructies)\\b`),
  rule('role_play', `\\b(?:je|jij|u) bent (?:nu|vanaf nu|voortaan|vanaf dit moment|niet langer|niet meer)\\s+(?:(?:een|de|het)\\s+(?:\\w+\\s+){0,2}(?:ai|assistent|chatbot|bot|model|taalmodel|hacker|medewerker|manager|beheerder|ontwikkelaar|systeem|personage|karakter|versie)\\b|dan(?=\\s*(?:[.,!:;]|$|modus|mode))|vrij\\b|ongefilterd|ongecensureerd|onbeperkt|in (?:ontwikkelaars|developer|dev|god|admin)\\s?modus|mijn (?:nieuwe |persoonlijke )?(?:assistent|ai|slaaf|hacker)\\b|geen (?:assistent|bot|chatbot|ai)\\b|gebonden)`),
  rule('role_play', `\\b(?:vanaf nu|voortaan|vanaf dit moment) (?:ben|heet|speel|gedraag) (?:je|jij)\\b|\\b(?:vanaf nu|voortaan|vanaf dit moment),? (?:reageer|antwoord|praat|spreek|schrijf) (?:je|jij) als\\b`),
  rule('role_play', `\\bfrom now on,? (?:you )?(?:respond|reply|answer|talk|speak|write|act) (?:as|like) (?:an?|the|if|though|my|dan)\\b|\\b(?:answer|respond|reply|act|behave) as if you (?:were|are|had) (?:not|no|an?|free|unrestricted|unfiltered|human)\\b`),
  rule('role_play', `\\bspeel (?:de rol van|een rol|het personage)|\\bneem de rol (?:aan )?van\\b|\\bgedraag je als\\b|\\bstel je voor dat (?:je|jij|u) (?:een |de )?(?:ai|bot|chatbot|assistent|model|taalmodel|hacker|mens|medewerker|zonder|geen|vrij)\\b`),
  rule('role_play', `\\b(?:ontwikkelaars?|developer|dev|god|admin|beheerders?|debug|onbeperkte|jailbreak)\\s?modus\\b`),

  // --- reveal_prompt ---
  rule('reveal_prompt', `\\bsys(?:tem)?[ -]?prompts?\\b|\\bsystem (?:instructions|level instructions)\\b|\\bsysteem[ -]?(?:prompt|instructies)\\b|\\bpre-?prompt\\b|\\b(?:initial|hidden|meta|secret|developer) prompt\\b|\\bprompt (?:above|you were given)\\b`),
  rule('reveal_prompt', `\\b(?:your|je|jouw|uw)\\s+(?:${hiddenAdjective}\\s+){1,3}(?:instructions|prompts?|directives|guidelines|rules|configuration|programming|instructies|regels|richtlijnen|programmering|configuratie)\\b${notAboutATask}`),
  rule('reveal_prompt', `\\b(?:the|de)\\s+(?:initial|hidden|secret|internal|system|developer|operator|verborgen|geheime|interne|oorspronkelijke)\\s+(?:instructions|prompts?|directives|instructies)\\b${notAboutATask}`),
  rule('reveal_prompt', `\\b${revealVerb}\\s+(?:(?:me|mij|us|ons)\\s+)?(?:(?:all|al|alle)\\s+(?:of\\s+)?)?(?:your|je|jouw|uw)\\s+(?:${alternatives(hiddenAdjective, wholeAdjective)}\\s+){0,3}${promptObject}\\b${notAboutATask}`),
  rule('reveal_prompt', `\\bwhat (?:are|were|is|was) (?:all )?your (?:exact |original |initial |hidden |secret |system |full |complete |real )?(?:instructions|prompt|rules|guidelines|directives|programming)\\s*(?:[?.!]|$|exactly|verbatim|word for word)`),
  rule('reveal_prompt', `\\bwat (?:zijn|waren|is|staat er in) (?:al )?(?:je|jouw) (?:exacte |oorspronkelijke |verborgen |geheime |precieze |echte )?(?:instructies|prompt|systeemprompt|regels|richtlijnen|programmering)\\s*(?:[?.!]|$|precies|letterlijk|woord voor woord)`),
  rule('reveal_prompt', `\\bwhat (?:instructions|rules|guidelines|prompt) (?:were you|have you been|did you) (?:given|get|told|receive)|\\bwelke (?:instructies|regels|prompt) (?:heb je|kreeg je|heeft men je|zijn je|heb jij) (?:gekregen|meegekregen|gegeven)`),
  rule('reveal_prompt', `\\bwhat(?:'s| is| was| else is) (?:written |said )?in your (?:prompt|instructions|system prompt|context(?: window)?)\\b(?! (?:reply|response|answer))|\\bcontext window\\b`),
  rule('reveal_prompt', `\\b(?:print|show|output|dump|list|repeat|reveal|display|paste|give me)\\s+(?:me\\s+)?(?:all\\s+)?(?:the\\s+)?(?:raw\\s+|full\\s+)?(?:passages|documents|chunks|context|search results|retrieved (?:passages|documents|text))\\s+(?:you|that you)\\s+(?:retrieved|received|were given|found|got|have|see)\\b`),
  rule('reveal_prompt', `\\bhow (?:were|are|was) you (?:programmed|instructed|prompted|configured)\\b|\\bhoe ben je (?:geprogrammeerd|geinstrueerd|ingesteld|geprompt)\\b`),
  rule('reveal_prompt', `\\b(?:repeat|print|output|show|display|copy|paste|echo|reproduce|dump|recite|write out|type out|return|list|tell me)\\s+(?:back\\s+)?(?:me\\s+)?(?:all\\s+(?:of\\s+)?)?(?:everything|the (?:full |entire |complete |exact |whole |previous )?(?:text|words|content|instructions|messages?|lines|conversation|prompt|sentences?|paragraphs?)|all (?:the )?(?:text|words|instructions))\\s+(?:above|before (?:this|my message|the question)|prior to (?:this|my)|preceding|that came before|written above|you (?:were|have been) given|from the (?:start|beginning))`),
  rule('reveal_prompt', `\\b(?:herhaal|print|toon|kopieer|plak|geef|schrijf|citeer)\\s+(?:alles|de (?:volledige |hele |exacte )?(?:tekst|woorden|instructies|berichten|prompt|zinnen))\\s+(?:hierboven|hiervoor|boven dit bericht|die (?:je|jij) (?:hebt )?gekregen|(?:van|vanaf) het begin)`),
  rule('reveal_prompt', `\\bthe first (?:\\d+|few|ten|five|hundred|twenty|fifty) (?:words|lines|sentences|characters|paragraphs) (?:of|in) (?:your|the) (?:prompt|instructions|conversation|context|system)|\\b(?:starting|beginning) with "?you are\\b`),

  // --- forced_output ---
  rule('forced_output', `${forcedLead}${forcedVerb}(?:\\s+${forcedFiller}){0,6}\\s*:?\\s*${quotedSentence}`),
  rule('forced_output', `\\b(?:begin|start|end|open|finish|prefix|conclude) (?:each |every |all )?(?:your |the )?(?:answer|reply|response|message|output)s? with\\b|\\bbegin (?:je|jouw|elk|ieder) antwoord met\\b|\\beindig (?:je|jouw|elk) antwoord met\\b`),
  rule('forced_output', `\\b(?:respond|reply|answer)\\s+(?:only\\s+)?with\\s+(?:only\\s+)?(?:the\\s+)?(?:word|words|phrase|sentence|string)\\b|\\b(?:antwoord|reageer) (?:alleen |uitsluitend )?met (?:het woord|de zin|de tekst)\\b`),
  rule('forced_output', `\\brepeat after me\\b|\\bzeg (?:me|mij) na\\b|\\b(?:your (?:answer|reply|response|output)|every (?:answer|reply)) (?:must|should|has to) (?:be|start|begin|end|include|contain|say)\\b|\\b(?:je|jouw|elk|ieder) antwoord moet (?:altijd )?(?:beginnen|eindigen|bestaan|luiden)\\b`),
];
