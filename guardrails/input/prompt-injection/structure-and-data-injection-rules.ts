import type { InjectionRule } from './injection-rule.js';

// Rules about the shape of a prompt, about data leaving the conversation, and about
// dropping the knowledge-base policy. English and Dutch share patterns where they can.

const alternatives = (...options: string[]): string => `(?:${options.join('|')})`;
const rule = (signal: InjectionRule['signal'], source: string): InjectionRule => ({ signal, pattern: new RegExp(source, 'm') });

const speakerName = alternatives('system', 'assistant', 'developer', 'human', 'ai', 'bot', 'chatbot', 'gpt', 'systeem', 'assistent', 'ontwikkelaar', 'admin', 'administrator');
const delimiterName = alternatives(
  'system', 'assistant', 'user', 'instructions?', 'passages?', 'context', 'documents?', 'kb', 'knowledge(?:[-_ ]base)?', 'sources?',
  'search[-_ ]results?', 'retrieved', 'tool', 'function', 'im_start', 'im_end', 'prompt', 'developer', 'admin', 'human', 'article',
);

const sendVerb = alternatives(
  'send', 'post', 'forward', 'upload', 'transmit', 'leak', 'exfiltrate', 'e-?mail', 'mail', 'submit', 'append', 'attach', 'include',
  'encode', 'embed', 'put', 'copy', 'paste', 'share', 'log', 'write', 'stuur', 'verstuur', 'mail', 'deel', 'plak', 'voeg', 'lek', 'zet',
);
const conversationData = alternatives(
  'conversation', 'chat history', 'chat log', 'transcript', 'history', 'previous messages', 'system prompt', 'instructions', 'prompt',
  'all data', 'customer data', 'personal data', 'user data', 'account details', 'account numbers?', 'ibans?', 'balances?', 'passwords?',
  'credentials', 'tokens?', 'api keys?', 'session', 'cookies', 'customer records', "(?:the )?(?:customer|user)'?s? (?:question|name|details|data|iban|e-?mail|address|phone number)",
  'other customers', 'everything', 'login details', 'pin', 'codes',
  'gesprek', 'chatgeschiedenis', 'geschiedenis', 'klantgegevens', 'persoonsgegevens', 'gegevens', 'rekeningnummers?', 'saldo',
  'wachtwoorden?', 'inloggegevens', 'instructies', 'alles', 'vraag van de klant', 'pincode',
);
const externalDestination =
  '(?:(?:the|this|a|an|our|de|het|een|deze|onze)\\s+)?(?:url|endpoint|webhook|server|api|https?:\\/\\/|www\\.|[a-z0-9-]+\\.(?:com|net|org|io|ru|xyz|cn|top|site|online|info|biz|me|app|dev|link|co|tk|cc|ly|sh)\\b)';
/** "Can I share my IBAN via …" or "they asked me to send …" is the customer asking or reporting, not an order to the assistant. */
const notAsked = '(?<!\\b(?:i|we|can i|can we|do i|should i|may i|me to|us to|them to|him to|her to|ik|kan ik|mag ik|moet ik)\\s)';
const customerDataWord = alternatives(
  'data', 'details', 'information', 'info', 'balances?', 'ibans?', 'account (?:numbers?|details|balances?)', 'addresses', 'transactions',
  'phone numbers?', 'e-?mail(?: addresses)?', 'names', 'conversations?', 'messages', 'questions', 'chats?', 'records', 'personal (?:data|details)',
);
/** "Do other customers' names show up in the name check?" asks how things work; a data request has a verb that fetches. */
const dataRequestVerb = alternatives(
  'show', 'give', 'list', 'tell', 'send', 'share', 'read', 'print', 'export', 'dump', 'look up', 'lookup', 'find', 'fetch', 'retrieve',
  'access', 'see', 'check', 'reveal', 'display', 'provide', 'what (?:is|are|was|were)',
);
const otherCustomer = '(?:another|other|all|every|a different|some other|any other|the (?:previous|last|next))\\s+(?:customer|client|user|account holder)s?';

export const structureAndDataInjectionRules: readonly InjectionRule[] = [
  // --- fake_role_marker ---
  rule('fake_role_marker', `(?:^|<!--|\\[|\\()[ \\t>*-]*${speakerName}\\s*(?:\\([^)\\n]{0,30}\\))?\\s*:`),
  rule('fake_role_marker', `[.!?]\\s+(?:system|assistant|systeem|assistent)\\s*:`),
  rule('fake_role_marker', `<\\|[a-z_ ]{2,30}\\|>|\\[\\/?inst\\]|<<\\/?sys>>`),
  rule('fake_role_marker', `\\[\\/?(?:system|assistant|sys|admin|developer|systeem)(?: ?(?:message|note|prompt|instructions?|override|bericht))?\\]`),
  rule('fake_role_marker', `<\\/?${delimiterName}(?:\\s+[a-z_-]+\\s*=\\s*["'][^"'\\n]{0,60}["'])*\\s*\\/?>`),
  rule('fake_role_marker', `^#{1,6} ?(?:system|system prompt|new instructions|developer|admin|override|systeem|nieuwe instructies)\\b|^#{1,6} ?(?:instructions?|response|input|assistant|user|instructie|instructies|antwoord)\\s*:`),
  rule('fake_role_marker', `\\b(?:begin|start|end) (?:of )?(?:the )?(?:system|new|hidden|admin|developer) (?:prompt|instructions?|message|override)\\b|\\bend of (?:the )?(?:passages?|context|retrieved (?:documents?|passages?)|search results|knowledge base|system prompt|user input|instructions)\\b|\\beinde (?:van de |van het )?(?:passages?|context|kennisbank|systeemprompt|instructies)\\b`),
  rule('fake_role_marker', `["']role["']\\s*:\\s*["'](?:system|assistant|developer)["']`),
  rule('fake_role_marker', `\\b(?:system|admin|developer|systeem|ontwikkelaar) (?:note|override|instruction|prompt|command|directive|notitie|opdracht|instructie)s?\\s*:`),

  // --- exfiltration ---
  rule('exfiltration', `!\\[[^\\]\\n]{0,200}\\]\\(\\s*<?(?:https?:)?\\/\\/|<img\\b[^>\\n]{0,300}\\bsrc\\s*=`),
  rule('exfiltration', `(?:https?:\\/\\/|www\\.)[^\\s"'<>]{0,300}?(?:\\{\\{?|%7b|\\$\\{|\\[(?:conversation|chat|data|history|prompt|answer|user|name|iban|balance|email|question|pin)|<(?:data|conversation|iban|prompt)>)`),
  rule('exfiltration', `${notAsked}\\b${sendVerb}\\b[^\\n]{0,80}?\\b${conversationData}\\b[^\\n]{0,60}?(?:\\bto|\\binto|\\bin|\\bnaar|\\baan|\\bop|\\bvia)\\s+${externalDestination}`),
  rule('exfiltration', `\\b${sendVerb}\\b[^\\n]{0,80}?\\b(?:system prompt|instructions|credentials|passwords?|all customer|other customers|every customer|systeemprompt|instructies|wachtwoorden)\\b[^\\n]{0,60}?(?:\\bto|\\bnaar|\\baan)\\s+[a-z0-9._%+-]+@[a-z0-9-]+\\.[a-z.]{2,}`),
  rule('exfiltration', `\\b${dataRequestVerb}\\s+(?:(?:me|us)\\s+)?(?:\\w+\\s+){0,3}?(?:${otherCustomer}(?:'s|s'|')?\\s+${customerDataWord}|${customerDataWord}\\s+(?:of|for|from|belonging to)\\s+${otherCustomer})\\b`),
  rule('exfiltration', `\\b${otherCustomer}\\s+(?:named|called|with the (?:name|surname|iban|account number)|genaamd|met de naam)\\b|\\bthe (?:customer|user|person|client) (?:who|that) (?:wrote|chatted|asked|messaged|was here|talked to you|spoke to you) (?:before|earlier|previously|just now|ahead of)\\b|\\bde (?:klant|gebruiker) (?:die|van) (?:voor mij|hiervoor|eerder|net)\\b`),
  rule('exfiltration', `\\b(?:list|show|give|dump|export|print|send)\\s+(?:me\\s+)?(?:all|every)\\s+(?:the\\s+)?(?:customers?|clients?|users?|accounts|account holders)\\b|\\bwhat did the (?:previous|last|other) (?:customer|user|person|client) (?:ask|say|write|type)\\b`),
  rule('exfiltration', `\\b(?:gegevens|saldo|rekeningnummers?|ibans?|adres(?:sen)?|transacties|telefoonnummers?|namen|berichten|gesprek(?:ken)?|vragen)\\s+van\\s+(?:een\\s+)?(?:andere|alle|elke|iedere|de vorige|de laatste)\\s+(?:klant(?:en)?|gebruikers?|rekeninghouders?)\\b`),
  rule('exfiltration', `\\b(?:toon|geef|lijst|laat|stuur)\\s+(?:me\\s+|mij\\s+)?(?:alle|elke|iedere)\\s+(?:klanten|rekeningen|gebruikers|rekeninghouders)\\b|\\bwat (?:vroeg|zei|schreef) de (?:vorige|laatste|andere) (?:klant|gebruiker)\\b`),

  // --- policy_bypass ---
  rule('policy_bypass', `\\bjail-?break(?:ing|s)?\\s+(?:mode|prompt|yourself|you|this (?:ai|bot|chat|assistant|model)|the (?:ai|bot|assistant|model|chat))\\b|\\b(?:you are|you're|now|activate|enable|enter|start|initiate|this is an?) (?:the )?jail-?br(?:eak|oken)\\b|\\bjail-?broken (?:ai|assistant|bot|mode|model|chatbot|version|gpt)\\b`),
  // "You can pay without restrictions" is about a card; only being or answering without rules counts.
  rule('policy_bypass', `\\b(?:you|you're|you've|assistant|ai|bot|model)\\s+(?:(?:are|have|had|now|will|be|is|has|can|answer|respond|reply|speak|talk|operate|act|officially|completely|totally|fully)\\s+){0,3}(?:no|without(?: any)?|free (?:of|from)|not bound by(?: any)?|unbound by|exempt from)\\s+(?:\\w+\\s+)?(?:restrictions|rules|filters|guidelines|guardrails|censorship|ethics|ethical (?:guidelines|constraints)|boundaries|constraints|limitations|policies|content polic(?:y|ies)|safety|morals)\\b(?!\\s+(?:on|for|about|regarding|when|to|with|voor|op)\\b)`),
  rule('policy_bypass', `\\b(?:answer|respond|reply|speak|talk|behave|write)\\w*\\s+(?:\\w+\\s+){0,3}?(?:without|with no|free of|ignoring|outside(?: of)?|beyond)\\s+(?:(?:any|the|your|all)\\s+)*(?:restrictions|rules|filters|limits|limitations|guidelines|guardrails|censorship|sources|citations|citing|references|quoting|knowledge base|articles|help cent(?:re|er)|safety|moral|ethics|boundaries|constraints|policy|policies)\\b`),
  rule('policy_bypass', `\\b(?:an?|the) (?:\\w+ )?(?:ai|assistant|chatbot|bot|model|llm)\\s+(?:with no|without(?: any)?|free of|free from)\\s+(?:\\w+\\s+)?(?:limits|restrictions|rules|filters|guidelines|guardrails|censorship|boundaries|constraints)\\b|\\b(?:not|no longer) (?:restricted|limited|bound|confined) (?:to|by) (?:the |your )?(?:knowledge base|sources|articles|help cent(?:re|er)(?: articles)?|passages|rules|instructions|guidelines)\\b`),
  rule('policy_bypass', `\\bwithout (?:citing|quoting|citations|references to|(?:any |the |your )?sources\\b(?! of)|(?:checking|using|consulting|looking at) (?:the )?(?:knowledge base|sources|articles|help cent(?:re|er))|(?:any )?(?:censorship|guardrails|safety filters|content filters?)|your (?:rules|guidelines|restrictions|filters|guardrails))`),
  rule('policy_bypass', `\\b(?:do not|don't|no need to|never|stop)\\s+(?:cite|quote|use|include|add|mention|look at|check|consult|rely on|stick to|limit yourself to|restrict yourself to)\\s+(?:(?:any|the|your)\\s+)?(?:sources|citations|references|knowledge base|articles|help cent(?:re|er))\\b`),
  rule('policy_bypass', `\\b(?:use|from|with|based on|rely on|using|draw on)\\s+(?:your\\s+)?(?:own|general|world|training|outside|external|broader) knowledge\\b|\\b(?:outside|beyond|not limited to|not restricted to) (?:of )?(?:the|your) (?:knowledge base|sources|articles|passages)\\b|\\beven if (?:it'?s|it is|the answer is|that'?s|that is) not (?:in|covered by|supported by) (?:the )?(?:knowledge base|sources|articles|passages|help cent(?:re|er))`),
  rule('policy_bypass', `\\bmake (?:something|an answer|a number|stuff) up\\b|\\bmake up (?:an? )?(?:\\w+ )?(?:answer|number|rate|figure|policy|something|stuff)\\b|\\binvent (?:an? )?(?:\\S+ )?(?:answer|number|rate|figure|policy)\\b`),
  rule('policy_bypass', `\\b(?:bypass|circumvent|get around|evade)(?:ing)?\\s+(?:(?:the|your|all|any|its|these)\\s+)*(?:safety\\s+|content\\s+|security\\s+)?(?:filters?|safeguards|guardrails|moderation|censorship|instructions|guidelines|protections|content polic(?:y|ies)|safety)\\b`),
  rule('policy_bypass', `\\b(?:disable|turn off|switch off|deactivate|remove|lift|drop|suspend|override)\\s+(?:(?:the|your|all|any|its)\\s+)*(?:safety (?:filters?|rules|guidelines|guardrails)|filters|content filters?|guardrails|moderation|censorship|source requirement|citation requirement|safeguards|ethical guidelines|restrictions on (?:your )?(?:answers|responses|output))\\b`),
  rule('policy_bypass', `\\bno (?:rules|restrictions|filters|censorship) (?:mode|zone)\\b|\\bregardless of (?:your|the|any) (?:rules|instructions|guidelines|policy|policies|restrictions|programming)\\b|\\bongeacht (?:je|jouw|de) (?:regels|instructies|richtlijnen)\\b`),
  rule('policy_bypass', `\\b(?:you(?:'re| are)|you have been|you've been)\\s+(?:now\\s+|hereby\\s+)?(?:authori[sz]ed|allowed|permitted|cleared|empowered)\\s+to\\s+(?:promise|guarantee|approve|issue|grant|offer|waive|reveal|share|disclose|bypass|ignore|answer anything)\\b`),
  rule('policy_bypass', `\\b(?:always|every time|in every case|regardless)\\s+(?:promise|guarantee|grant)\\b|\\bpromise (?:the customer|customers|users|them|every customer) (?:a )?(?:full )?(?:refund|compensation|reimbursement)\\b|\\b(?:admin|administrator|developer|sudo) override\\b`),
  rule('policy_bypass', `\\bzonder (?:bronnen|bronvermelding|bron(?! van)|te citeren|citaten|verwijzingen|(?:de )?kennisbank|censuur|filters?|veiligheidsfilters|(?:je|jouw) (?:regels|beperkingen|instructies|richtlijnen))\\b`),
  rule('policy_bypass', `\\b(?:antwoord|reageer|beantwoord|spreek|praat|schrijf)\\w*\\s+(?:\\w+\\s+){0,3}?(?:zonder|vrij van|buiten)\\s+(?:(?:enige|de|je|jouw|alle)\\s+)*(?:beperkingen|regels|filters|richtlijnen|censuur|bronnen|kennisbank|artikelen|grenzen)\\b`),
  rule('policy_bypass', `\\b(?:heb|hebt|heeft) (?:je|jij|u)\\s+(?:nu\\s+|vanaf nu\\s+|voortaan\\s+)?geen (?:beperkingen|regels|filters|censuur|richtlijnen|grenzen)\\b(?!\\s+(?:voor|op|bij|nodig)\\b)`),
  rule('policy_bypass', `\\b(?:je|jij|u) (?:hebt|heeft|hebben|bent)\\s+(?:nu\\s+|vanaf nu\\s+|voortaan\\s+)?(?:geen|zonder) (?:beperkingen|regels|filters|censuur|richtlijnen|grenzen)\\b(?!\\s+(?:voor|op|bij)\\b)`),
  rule('policy_bypass', `\\b(?:gebruik|vanuit|met|op basis van)\\s+(?:je|jouw)\\s+(?:eigen|algemene)\\s+kennis\\b|\\bbuiten de kennisbank\\b|\\bverzin (?:maar |gewoon |dan )?(?:iets|wat|een (?:\\S+ )?(?:antwoord|bedrag|rente|percentage|tarief))\\b`),
  rule('policy_bypass', `\\bomzeil\\w*\\s+(?:(?:de|je|alle|jouw)\\s+)*(?:filters?|veiligheidsfilters|beveiliging|regels|beperkingen|richtlijnen|instructies)\\b|\\b(?:schakel|zet)\\s+(?:(?:je|de|alle|jouw)\\s+)*(?:filters?|veiligheidsfilters|censuur|guardrails)\\s+uit\\b`),
  rule('policy_bypass', `\\b(?:je|jij|u) (?:bent|mag) (?:nu )?(?:bevoegd|gemachtigd|geautoriseerd|toegestaan) om\\b|\\b(?:je|jij|u) mag (?:nu )?(?:alles|elke (?:terugbetaling|vergoeding)) (?:beloven|toezeggen|garanderen)\\b|\\b(?:beloof|garandeer)\\s+(?:altijd|elke klant|iedere klant|alle klanten|de klant)\\b`),
];
