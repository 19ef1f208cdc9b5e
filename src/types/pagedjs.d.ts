/**
 * The few parts of Paged.js (pagedjs 0.4, which ships no types) that src/client/booklet.ts
 * uses: a Previewer that lays content out in pages, its Polisher, which writes the CSS, and
 * the Handler a hook is added by.
 */
declare module 'pagedjs' {
  /** What Polisher.insert returns and `destroy()` removes. */
  export interface InsertedStyles {
    remove(): void;
  }

  export class Polisher {
    inserted: InsertedStyles[];
    base: InsertedStyles;
    styleEl: InsertedStyles;
    /** The sheet Paged.js's handlers add their rules to (page counters, target-counter()…). */
    styleSheet: CSSStyleSheet;
    setup(): CSSStyleSheet;
    insert(text: string): InsertedStyles;
    destroy(): void;
  }

  export interface Flow {
    /** The number of pages laid out. */
    total: number;
  }

  /** A set of hooks: a subclass's methods named after a hook (renderNode…) are called by it. */
  export class Handler {
    constructor(chunker: unknown, polisher: unknown, caller: unknown);
  }

  /** Adds handlers to every Previewer made afterwards. */
  export function registerHandlers(...handlers: (typeof Handler)[]): void;

  export class Previewer {
    polisher: Polisher;
    /** `content` is laid out into pages inside `renderTo`; each stylesheet is `{ [url]: css }`. */
    preview(
      content: DocumentFragment | Element,
      stylesheets: Record<string, string>[],
      renderTo: Element,
    ): Promise<Flow>;
    on(event: 'page', listener: () => void): void;
  }
}

/** Paged.js's base styles (the page box, margins, marks): src/polisher/base.js, by an alias in astro.config.mjs. */
declare module 'pagedjs-base-styles' {
  const css: string;
  export default css;
}
