import { withBase } from '../lib/site/routes.ts';

/** A site path with the configured base path in front. */
export const url = (path: string): string => withBase(import.meta.env.BASE_URL, path);
