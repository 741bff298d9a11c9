import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { allRingNames, ringName, ringStep, ringSvg } from '../../src/extension/tree/rings';

const DIR = path.resolve(__dirname, '..', '..', 'media', 'rings');

describe('tree progress rings', () => {
  it('progress in steps of 10%, a little progress never an empty ring, a full ring only when done', () => {
    assert.deepEqual(
      [undefined, -0.2, 0, 0.01, 0.14, 0.15, 0.5, 0.94, 0.99, 1, 1.4].map(ringStep),
      [0, 0, 0, 10, 10, 20, 50, 90, 90, 100, 100],
    );
  });

  it('names by health and step; done, dropped, not started and no data have one ring each', () => {
    assert.equal(ringName('at-risk', 0.33), 'ring-at-risk-30');
    assert.equal(ringName('off-track', undefined), 'ring-off-track-0');
    assert.equal(ringName('done', 0.5), 'ring-done');
    assert.equal(ringName('unknown', undefined), 'ring-unknown');
  });

  it('media/rings holds exactly the generated icons, light and dark (npm run rings)', () => {
    const expected = allRingNames()
      .flatMap((n) => [`${n}-dark.svg`, `${n}-light.svg`])
      .sort();
    assert.deepEqual(readdirSync(DIR).sort(), expected);
    for (const name of allRingNames())
      for (const theme of ['light', 'dark'] as const)
        assert.equal(readFileSync(path.join(DIR, `${name}-${theme}.svg`), 'utf8'), ringSvg(name, theme), `${name}-${theme}`);
  });

  it('each ring is a 16px SVG whose arc grows with the step, in the health colour', () => {
    const arc = (name: string) => {
      const problems: string[] = [];
      const doc = new DOMParser({ onError: (l, m) => problems.push(`${l} ${m}`) }).parseFromString(ringSvg(name, 'light'), 'image/svg+xml');
      assert.deepEqual(problems, []);
      const svg = doc.documentElement!;
      assert.equal(svg.getAttribute('width'), '16');
      const circles = Array.from(svg.getElementsByTagName('circle'));
      return circles.map((c) => ({ stroke: c.getAttribute('stroke'), dash: c.getAttribute('stroke-dasharray') }));
    };
    assert.equal(arc('ring-on-track-0').length, 1); // the track only
    const thirty = arc('ring-at-risk-30')[1];
    const sixty = arc('ring-at-risk-60')[1];
    assert.equal(thirty.stroke, '#9a6700');
    assert.ok(Math.abs(Number(thirty.dash!.split(' ')[0]) * 2 - Number(sixty.dash!.split(' ')[0])) < 0.02);
    // Off track differs in shape too (a centre dot), not by colour alone.
    assert.equal(arc('ring-off-track-30').length, 3);
    assert.equal(arc('ring-unknown')[0].dash, '2 2');
    assert.notEqual(ringSvg('ring-on-track-50', 'light'), ringSvg('ring-on-track-50', 'dark'));
    assert.throws(() => ringSvg('ring-bogus', 'light'), /no ring named/);
  });
});
