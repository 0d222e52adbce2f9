import { z } from 'zod';

/** An absolute http(s) URL, the only kind a cited source may link to. */
export const httpUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' });
