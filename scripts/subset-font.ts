/**
 * `npx tsx scripts/subset-font.ts`: makes the journal's fonts. Run once, and again only
 * when the character set or the font changes; the output is committed.
 *
 * Tinos (metric-compatible with Times New Roman, the typeface Vietnamese administrative
 * documents use) from the npm package @expo-google-fonts/tinos, cut down with harfbuzz
 * to src/lib/journal/charset.ts (ASCII, Latin-1, every Vietnamese letter, punctuation)
 * and without hinting (PDF viewers and printers do not use it). The PDF embeds these
 * files whole, so text typed into a field later always finds its glyphs.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import {
  JOURNAL_CHARSET,
  describeCharacter,
  missingCharacters,
} from '../src/lib/journal/charset.ts';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const packageVersion = (
  JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
).version;
const outDir = join(import.meta.dirname, '..', 'src', 'lib', 'journal', 'fonts');

const fonts = [
  { from: '400Regular/Tinos_400Regular.ttf', to: 'Tinos-Regular.ttf' },
  { from: '700Bold/Tinos_700Bold.ttf', to: 'Tinos-Bold.ttf' },
];

for (const font of fonts) {
  const original = readFileSync(join(packageDir, font.from));
  const subset = await subsetFont(original, JOURNAL_CHARSET, {
    targetFormat: 'truetype',
    noHinting: true,
  });
  const parsed = fontkit.create(subset);
  const missing = missingCharacters(JOURNAL_CHARSET, new Set(parsed.characterSet));
  if (missing.length > 0) {
    throw new Error(
      `${font.from} lacks ${missing.map(describeCharacter).join(', ')}: choose another font`,
    );
  }
  const target = join(outDir, font.to);
  writeFileSync(target, subset);
  console.log(
    `${relative(process.cwd(), target)}: ${parsed.postscriptName}, ${parsed.characterSet.length} characters, ` +
      `${original.length} → ${subset.length} bytes`,
  );
}
copyFileSync(join(packageDir, 'LICENSE_FONT'), join(outDir, 'OFL.txt'));
console.log(
  `from @expo-google-fonts/tinos@${packageVersion}; licence copied to ${relative(process.cwd(), join(outDir, 'OFL.txt'))}`,
);
