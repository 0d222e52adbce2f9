import { z } from 'zod';

export const articleStatuses = ['draft', 'in_review', 'approved', 'retired'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const locales = ['en', 'nl'] as const;
export type ArticleLocale = (typeof locales)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date');

/** `Date.parse` rolls 2026-02-30 over to March; a real date survives the round trip. */
function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The curated metadata every article carries in its front matter. */
export const articleFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case'),
    title: z.string().trim().min(3).max(200),
    locale: z.enum(locales),
    status: z.enum(articleStatuses),
    owner: z.string().trim().min(1),
    version: z.number().int().positive(),
    reviewed_at: isoDate,
    review_due: isoDate,
    valid_until: isoDate.optional(),
    tags: z.array(z.string().trim().min(1)).default([]),
    url: z.url({ protocol: /^https?$/ }),
    translations: z.partialRecord(z.enum(locales), z.string().min(1)).default({}),
  })
  .strict()
  .refine((value) => value.review_due >= value.reviewed_at, {
    message: 'review_due must not be before reviewed_at',
    path: ['review_due'],
  });

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
