/** What a whole-message SMS keyword asks for. */
export type SmsKeyword = 'stop' | 'start' | 'help';

/** Twilio's standard keywords (https://help.twilio.com/articles/223134027), which Twilio's opt-out handling also acts on. */
export const smsKeywords: Readonly<Record<SmsKeyword, readonly string[]>> = {
  stop: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'],
  start: ['START', 'YES', 'UNSTOP'],
  help: ['HELP', 'INFO'],
};

const keywordByWord = new Map<string, SmsKeyword>(
  Object.entries(smsKeywords).flatMap(([keyword, words]) => words.map((word) => [word, keyword as SmsKeyword] as const)),
);

/**
 * Pure: the keyword an SMS consists of, or undefined for any other message.
 * Only the whole message counts ("Stop!", " stop ", "opt-out" do; "please
 * stop the payment" does not), ignoring case, spaces and punctuation.
 * SMS only: Twilio applies no keywords on WhatsApp.
 *
 * STOP: Twilio has already blocked the number and answered; record the
 * opt-out and send nothing (a send now fails with 21610). START: Twilio has
 * lifted the block; confirm with `smsKeywordReplies[locale].start`. HELP:
 * answer with `smsKeywordReplies[locale].help` instead of asking the bot.
 */
export function classifySmsKeyword(text: string): SmsKeyword | undefined {
  const word = text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  return keywordByWord.get(word);
}

/**
 * Our replies to HELP and START, in GSM-7 within one SMS segment. They say
 * what the service does, never a fact about products or fees. If Twilio's
 * default HELP/START replies are left on for the number, the customer gets
 * both: switch them off (Advanced Opt-Out) or do not send these.
 */
export const smsKeywordReplies = {
  en: {
    help: 'Lumen Bank automated assistant: ask your question in a sentence and we answer from our help articles or pass you to our team. Reply STOP to opt out.',
    start: 'Lumen Bank: you will receive our messages again. Ask your question in a sentence. Reply HELP for help, STOP to opt out.',
  },
  nl: {
    help: 'Lumen Bank assistent (automatisch): stel uw vraag in een zin. We antwoorden uit onze helpartikelen of verbinden u met ons team. Stuur STOP om af te melden.',
    start: 'Lumen Bank: u ontvangt onze berichten weer. Stel uw vraag in een zin. Stuur HELP voor hulp, STOP om af te melden.',
  },
} as const satisfies Record<'en' | 'nl', Record<Exclude<SmsKeyword, 'stop'>, string>>;
