import fc from 'fast-check';
import { hostileText, mutatedText } from './hostile-text.js';

/** Lines mail clients put around a customer's words: attributions, quotes, dividers, Outlook headers, signatures, greetings. */
const bodyLines = [
  'On Mon, 2 Jun 2025 at 10:00, Lumen Bank <help@lumenbank.example> wrote:',
  'On Monday my husband wrote:',
  'Op ma 2 jun 2025 om 10:00 schreef Lumen Bank <help@lumenbank.example>:',
  'Op 2 juni 2025 heeft Lumen Bank het volgende geschreven:',
  'Am 02.06.2025 um 10:00 schrieb Lumen Bank:',
  'Le lun. 2 juin 2025 à 10:00, Lumen Bank a écrit :',
  '> Thank you for your question.',
  '>> nested quote',
  '-----Original Message-----',
  '-----Oorspronkelijk bericht-----',
  '---------- Forwarded message ---------',
  'From: Lumen Bank <help@lumenbank.example>',
  'Sent: Monday, June 2, 2025 10:00 AM',
  'Van: Lumen Bank',
  'Verzonden: maandag 2 juni 2025 10:00',
  '________________________________',
  '-- ',
  '--',
  'Sent from my iPhone',
  'Verzonden vanaf mijn Samsung Galaxy smartphone',
  'Get Outlook for iOS',
  'Hi,',
  'Dear Lumen Bank team,',
  'Beste,',
  'Goedemorgen,',
  'Kind regards,',
  'Met vriendelijke groet,',
  'Thanks in advance',
  'Emma Jansen',
  'Jan de Vries',
  'How do I block my card?',
  '',
  '   ',
  '----',
];

const lineSoup = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...bodyLines) }, { weight: 2, arbitrary: hostileText({ maxPieces: 6 }) }), { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, ending]) => lines.join(ending));

/** Email bodies: lines clients write, mutated, mixed with hostile text; a few huge ones. */
export const emailBodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: lineSoup },
  { weight: 2, arbitrary: mutatedText(lineSoup, bodyLines) },
  { weight: 2, arbitrary: hostileText({ tokens: bodyLines.map((line) => `${line}\n`), hugeWeight: 2 }) },
);
