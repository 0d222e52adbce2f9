/**
 * Something a channel renderer could not show as the bot wrote it. Renderers
 * degrade (shorten, flatten citations to a link) rather than fail, and report
 * each degradation with one of these so callers can log or count it.
 */
export type RenderWarning =
  /** The answer text was shortened at a sentence or word boundary to fit the channel's limit. */
  | { code: 'truncated'; originalLength: number; renderedLength: number }
  /** Citations were reduced to the first one's link (titles and further sources left out). */
  | { code: 'citations_as_link'; omittedCitations: number }
  /** Citations at the end of the list did not fit and were left out. */
  | { code: 'citations_dropped'; omittedCitations: number }
  /** Even the link to the source did not fit; the text stands alone. */
  | { code: 'link_dropped' }
  /** The automated-assistant notice was given in its short form so the whole answer fits. */
  | { code: 'short_disclosure' }
  /** Typographic characters were replaced by plain look-alikes so the SMS stays in the cheaper GSM-7 encoding. */
  | { code: 'characters_replaced'; characters: string[] };
