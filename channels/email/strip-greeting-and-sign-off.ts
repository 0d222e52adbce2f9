const salutation =
  /^(?:hi|hello|hey|dear(?:\s+\S+){0,3}|good\s+(?:morning|afternoon|evening)|hallo|hoi|beste(?:\s+\S+){0,3}|geachte(?:\s+\S+){0,3}|goedemorgen|goedemiddag|goedenavond)\b[^\n]{0,40}[,!:]?\s*$/i;
const signOff =
  /^(?:(?:kind|best|warm|many)\s+regards|regards|best(?:\s+wishes)?|cheers|thanks(?:\s+(?:a\s+lot|in\s+advance|again))?|thank\s+you(?:\s+(?:very\s+much|in\s+advance))?|sincerely|yours\s+(?:sincerely|faithfully)|met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|mvg|groet(?:en|jes)?|hartelijke\s+groet(?:en)?|alvast\s+bedankt|bedankt|dank\s+je(?:\s+wel)?|dank\s+u(?:\s+wel)?)\b[^\n]{0,30}[,.!]?\s*$/i;
// A name under a message: a few words, no sentence punctuation.
const nameLine = /^[\p{L}][\p{L}'.-]*(?:\s+[\p{L}][\p{L}'.-]*){0,3}$/u;
// A person's name on its own: capitalised words, Dutch and French particles allowed ("Jan de Vries").
const personName = /^\p{Lu}[\p{L}'.-]*(?:\s+(?:(?:de|van|der|den|ter|ten|het|la|le|du)\s+)*\p{Lu}[\p{L}'.-]*){0,2}$/u;

/**
 * The question without the letter around it: a salutation alone on the first
 * line ("Hi,", "Beste,") and a closing of sign-off phrases and short name
 * lines ("Kind regards,\nEmma Jansen"). They say nothing about the need, and
 * a name the knowledge base has never seen would weigh as heavily as the
 * question's own words. Only whole lines are removed; a message that is
 * nothing but a greeting is left as it is.
 */
export function stripGreetingAndSignOff(text: string): string {
  const lines = text.split(/\r?\n/);
  // Leading blank lines go in one splice: shifting them off one by one is quadratic (minutes for 400,000 of them).
  const firstWritten = lines.findIndex((line) => line.trim() !== '');
  lines.splice(0, firstWritten === -1 ? lines.length : firstWritten);
  if (lines.length > 1 && salutation.test((lines[0] ?? '').trim())) lines.shift();

  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end -= 1;
  // Walk up over name lines (at most three) and a sign-off phrase above them.
  let cut = end;
  let names = 0;
  for (let index = end - 1; index > 0; index -= 1) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    if (signOff.test(line)) {
      cut = index;
      break;
    }
    if (nameLine.test(line) && names < 3) {
      names += 1;
      continue;
    }
    break;
  }
  // Without a sign-off phrase, only a lone name set apart by a blank line counts as a signature.
  if (cut === end && end >= 3 && personName.test((lines[end - 1] ?? '').trim()) && (lines[end - 2] ?? '').trim() === '') cut = end - 1;
  const kept = lines.slice(0, cut).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
