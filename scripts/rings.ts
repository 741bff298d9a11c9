// `npm run rings`: writes the tree's progress ring icons to media/rings/ from
// src/extension/tree/rings.ts (a unit test checks they are in step).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRingNames, ringSvg } from '../src/extension/tree/rings';

const dir = path.resolve(__dirname, '..', 'media', 'rings');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith('.svg')) rmSync(path.join(dir, f));
for (const name of allRingNames())
  for (const theme of ['light', 'dark'] as const) writeFileSync(path.join(dir, `${name}-${theme}.svg`), ringSvg(name, theme));
console.log(`wrote ${allRingNames().length * 2} icons to ${path.relative(process.cwd(), dir)}`);
