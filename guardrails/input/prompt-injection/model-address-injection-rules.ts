import type { InjectionRule } from './injection-rule.js';

// A help-centre article is written for customers. Text that speaks to the AI reading
// it is an instruction smuggled into the knowledge base (indirect injection).

const rule = (source: string): InjectionRule => ({ signal: 'addresses_model', pattern: new RegExp(source, 'm') });

const machineReader =
  '(?:ai|ais|llm|llms|language models?|chatbots?|ai assistants?|virtual assistants?|assistants?|bots?|models?|gpt|agents?|ai systems?|ai models?)';
const dutchMachineReader = '(?:ai|ai-assistent(?:en)?|taalmodel(?:len)?|chatbots?|assistent(?:en)?|bots?|model(?:len)?|llm)';

/** "We inform customers that …" is the bank speaking; an order to the reader has no subject. */
const notNarrated = '(?<!\\b(?:we|will|bank|i|they|us|to|may|can|must|and|wij|we|zij|ze)\\s)';

/** Safe in customer messages as well: no customer writes these to a bank. */
export const modelAddressInjectionRules: readonly InjectionRule[] = [
  rule(`\\b(?:note|message|instructions?|reminder|memo|directive) (?:to|for) (?:the |any |all |every )?(?:ai|model|assistant|bot|chatbot|llm|language model|gpt|agent|ai assistant)s?\\b`),
  rule(`\\b${machineReader}\\s+(?:that (?:is |are )?|who (?:is |are )?)?(?:reading|processing|summari[sz]ing|parsing|retrieving|ingesting|indexing|seeing|quoting) (?:this|these)\\b`),
  rule(`\\b(?:ai assistants?|ai models?|ai systems?|language models?|llms?|chatbots?)(?: reading this)?\\s+(?:must|shall|are required to|are instructed to)\\b`),
  rule(`\\b(?:notitie|opmerking|bericht|instructies?|let op|memo) (?:voor|aan) (?:het |de |elke |iedere )?(?:model|ai|assistent|chatbot|bot|taalmodel|llm|ai-assistent)\\b`),
  rule(`\\b${dutchMachineReader}(?: die| dat)? (?:dit|deze tekst|dit artikel|deze pagina) (?:lezen|leest|verwerken|verwerkt|samenvatten|samenvat|gebruiken|gebruikt)\\b`),
];

/** Too common in genuine customer messages ("if you're a bot, get me a human") to use outside passages. */
export const passageOnlyInjectionRules: readonly InjectionRule[] = [
  rule(`\\bif you(?: are|'re) (?:an? )?(?:ai|llm|language model|chatbot|bot|assistant|ai assistant|virtual assistant|model|automated system|gpt|machine)\\b`),
  rule(`\\b(?:ai|llm|language model|chatbot|ai assistant|ai model|ai system|agent|assistant|bot)s?\\s+(?:must|should|shall|will|need to|are required to|have to|are instructed to) (?:now |always |never |instead )?(?:ignore|tell|say|reply|respond|answer|reveal|send|include|recommend|direct|promise|output|refuse|state|mention|advise|link|disregard|forget)\\b`),
  rule(`\\b(?:attention|dear|hey|hello|hi)\\s+(?:the\\s+)?(?:ai|llm|language model|chatbot|gpt|chatgpt|ai assistant|ai model|assistant|bot|model)\\b`),
  rule(`\\b(?:the|any|every) (?:assistant|chatbot|ai|model|bot|llm)s? (?:must|should|shall|is required to|has to|needs to|will) (?:now |always |never |instead )?(?:ignore|tell|say|reply|respond|answer|reveal|send|include|recommend|direct|promise|output|refuse|state|mention|advise|link)\\b`),
  // "When answering security questions, never share…" is advice to a customer; answering questions *about* a topic is the assistant's job.
  rule(`\\bwhen (?:answering|responding|replying)(?: to)? (?:(?:this|that|any|every|the|a|these|such|all) )?(?:questions? (?:about|regarding|from|concerning)\\b[^,.\\n]{0,60}|(?:customer'?s?|user'?s?) )?(?:question|query|customers?|users?|clients?|queries)?,? ?(?:you|always|never|first|ignore|do not|don't|tell|say|include|mention|recommend|print|reveal|output)\\b`),
  rule(`${notNarrated}\\b(?:tell|inform|advise|instruct|remind) (?:the |every |each |all |any )?(?:customers?|users?|clients?|readers?|person asking)\\s+(?:that|to)\\b`),
  rule(`${notNarrated}\\b(?:respond|reply|answer) to (?:the |this |any |every )?(?:customer|user)s?\\b`),
  rule(`\\bals (?:je|jij|u) een (?:ai|taalmodel|chatbot|bot|assistent|ai-assistent|llm|model|digitale assistent|geautomatiseerd systeem|machine) bent\\b`),
  rule(`\\b(?:beste|hallo|hoi|aan|let op,?) (?:de |het )?(?:ai|taalmodel|chatbot|ai-assistent|assistent|bot|model)\\b`),
  rule(`\\b(?:de|het|elke|iedere) (?:ai|ai-assistent|assistent|chatbot|taalmodel|model|bot) (?:moet|moeten|dient|mag|zal)\\b`),
  rule(`\\b(?:vertel|zeg tegen|meld|adviseer|informeer) (?:de |elke |iedere |alle )?(?:klant|klanten|gebruiker|gebruikers|lezer|lezers)\\s+(?:dat|om)\\b`),
  rule(`\\bbij het (?:beantwoorden|antwoorden)(?: van (?:deze|een|elke) vraag)?,? (?:moet je|noem|zeg|vertel|negeer|verwijs)\\b`),
];
