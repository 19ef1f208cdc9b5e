import { resolve } from 'node:path';

/**
 * The content root the build reads: `content/` unless CONTENT_ROOT names another folder
 * (benchmarks build synthetic content that way).
 */
export const contentRoot = (): string => resolve(process.env.CONTENT_ROOT ?? 'content');
