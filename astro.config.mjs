// @ts-check
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { contentGate } from './src/integrations/content-gate.ts';
import { journalPdfs } from './src/integrations/journal-pdfs.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { offlineCopy } from './src/integrations/offline-copy.ts';
import { cspPerPage } from './src/integrations/csp-per-page.ts';
import { leanPreload } from './src/integrations/lean-preload.ts';

export default defineConfig({
  // The public origin, for sitemap.xml: SITE_URL=https://intranet.example npm run build.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Intranets often host the handbook under a sub-path: BASE_PATH=/so-tay/ npm run build.
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // Tests and benchmarks build into other folders (OUT_DIR) so that dist/ is left alone.
  outDir: process.env.OUT_DIR ?? './dist',
  build: {
    format: 'directory',
    // One cached stylesheet instead of CSS repeated in every page.
    inlineStylesheets: 'never',
  },
  // cspPerPage() first at build end: it rewrites the pages the search index and offline copy read.
  // offlineCopy() last: it lists every file the others wrote (PDFs, search index) for the service worker.
  integrations: [
    cspPerPage(),
    contentGate(),
    leanPreload(),
    journalPdfs(),
    mdx(),
    searchIndex(),
    offlineCopy(),
  ],
  security: {
    // Hashes of inline scripts and styles go into a <meta> CSP on every page; nothing inline runs otherwise.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        // blob: lets a page read back a PDF it has just generated (the journal generator and its tests).
        "connect-src 'self' blob:",
        // The offline service worker (sw.js) and Pagefind's search worker.
        "worker-src 'self'",
        "manifest-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows that and no JS eval.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // The content has no code blocks; Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // The header's search and the offline copy are built as stand-alone ES modules that the
  // inline site script imports by address on first use (src/client/site.ts).
  // No module preloading: lazy chunks are fetched when imported (src/integrations/lean-preload.ts).
  vite: {
    worker: { format: 'es' },
    build: { modulePreload: false },
    resolve: {
      alias: [
        // Paged.js (for /in/ only) as its own build ships it: one ES module with its CommonJS
        // dependencies already converted, so the bundler adds no CommonJS runtime chunk that
        // other pages' scripts would then share (the package's "import" entry is its sources).
        {
          find: /^pagedjs$/,
          replacement: fileURLToPath(
            new URL('./node_modules/pagedjs/dist/paged.esm.js', import.meta.url),
          ),
        },
        // Its base styles, which the package does not export: /in/ puts them in a constructed
        // style sheet instead of the <style> element Paged.js writes (src/client/booklet.ts).
        {
          find: 'pagedjs-base-styles',
          replacement: fileURLToPath(
            new URL('./node_modules/pagedjs/src/polisher/base.js', import.meta.url),
          ),
        },
      ],
    },
  },
});
