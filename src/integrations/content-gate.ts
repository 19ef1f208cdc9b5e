/**
 * Stops `astro build` before anything is rendered when the content is broken, and
 * removes any earlier dist/ so that no stale site passes for a good one.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError } from '../lib/content/errors.ts';
import { contentRoot } from '../lib/content/root.ts';
import { reloadHandbook } from '../data/handbook.ts';

export function contentGate(): AstroIntegration {
  return {
    name: 'so-tay:content-gate',
    hooks: {
      'astro:config:setup': ({ config, command, addWatchFile, logger }) => {
        const root = contentRoot();
        try {
          const handbook = reloadHandbook(root);
          logger.info(
            `content OK: ${handbook.points.length} points, ${handbook.duties.length} checklist items`,
          );
        } catch (error) {
          if (error instanceof ContentError && command === 'build') {
            rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
          }
          throw error;
        }
        addWatchFile(root);
      },
    },
  };
}
