/**
 * Astro's collections: prose written in MDX. The handbook's structured content (law,
 * roles, duties) is YAML read by src/lib/content with the same schema module.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { drillSchema, pageSchema } from './lib/content/schema.ts';

const root = process.env.CONTENT_ROOT ?? './content';

export const collections = {
  pages: defineCollection({
    loader: glob({ base: `${root}/pages`, pattern: '*.mdx' }),
    schema: pageSchema,
  }),
  /** Training drills: frontmatter checked against the rest of the content by the gate; the body is the facilitator's notes. */
  drills: defineCollection({
    loader: glob({ base: `${root}/drills`, pattern: '*.mdx' }),
    schema: drillSchema,
  }),
};
