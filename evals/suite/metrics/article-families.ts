/** An article and the articles it names as its translations (front matter `translations: { nl: close-account-nl }`). */
export interface TranslationLinks {
  articleId: string;
  translations: Readonly<Record<string, string>>;
}

/**
 * Which articles say the same thing in different languages: each article id
 * mapped to one id standing for all its translations (the alphabetically
 * first of them), following links in either direction and through chains.
 * An article with no translations stands for itself.
 */
export function articleFamilies(links: readonly TranslationLinks[]): Map<string, string> {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let current = id;
    while (parent.has(current) && parent.get(current) !== current) current = parent.get(current) ?? current;
    parent.set(id, current);
    return current;
  };
  const join = (left: string, right: string) => {
    const [first, second] = [root(left), root(right)].sort();
    if (first !== undefined && second !== undefined && first !== second) parent.set(second, first);
  };
  for (const link of links) {
    root(link.articleId);
    for (const translated of Object.values(link.translations)) join(link.articleId, translated);
  }
  return new Map([...parent.keys()].map((id) => [id, root(id)]));
}
