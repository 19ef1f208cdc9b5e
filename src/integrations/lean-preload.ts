/**
 * Vite wraps every `import()` of browser code in `__vitePreload`, a helper (880 B gzip, a file
 * of its own) that fetches the CSS and preloads the modules the lazy chunk needs. The
 * handbook's lazy chunks carry no CSS (checked below: the build fails if one does), and the
 * browser fetches a module's imports itself, so the helper only has to call the import: on
 * role and learning pages it was a tenth of the JavaScript budget (docs/DESIGN.md, «Islands»).
 * A failing import then rejects as it is, and each caller says so in Vietnamese.
 */
import type { AstroIntegration } from 'astro';

const HELPER = '\0vite/preload-helper.js';
const MARKER = '__VITE_PRELOAD__';

interface ChunkLike {
  type: string;
  fileName: string;
  isDynamicEntry?: boolean;
  viteMetadata?: { importedCss: Set<string> };
}

export function leanPreload(): AstroIntegration {
  return {
    name: 'so-tay:lean-preload',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'so-tay:lean-preload',
                enforce: 'post',
                apply: 'build',
                // Browser code only: the pages' prerendering has no preloading to do.
                applyToEnvironment: (environment: { config: { consumer: string } }) =>
                  environment.config.consumer === 'client',
                load(id: string) {
                  return id === HELPER ? 'export const __vitePreload = (load) => load();' : null;
                },
                // The list of what each import would preload (Vite fills it in last): nothing to list.
                renderChunk(code: string) {
                  return code.includes(MARKER) ? code.replaceAll(MARKER, 'void 0') : null;
                },
                generateBundle(_options: unknown, bundle: Record<string, ChunkLike>) {
                  const styled = Object.values(bundle).filter(
                    (chunk) =>
                      chunk.type === 'chunk' &&
                      chunk.isDynamicEntry &&
                      (chunk.viteMetadata?.importedCss.size ?? 0) > 0,
                  );
                  if (styled.length > 0)
                    throw new Error(
                      `Lazy chunks with CSS need Vite's preload helper: ${styled.map((c) => c.fileName).join(', ')}`,
                    );
                },
              },
            ],
          },
        });
      },
    },
  };
}
