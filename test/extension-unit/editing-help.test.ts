import { strict as assert } from 'node:assert';
import { collectDefinitions } from '../../src/core/lint';
import { parseOkr } from '../../src/core/parse';
import type { IdDefinition } from '../../src/core/model';
import { completionDocumentation, idHoverMarkdown, locateDefinition, summarize } from '../../src/extension/editing-help/id-info';
import { idAt, parentValueSlot, trailerValueSlot } from '../../src/extension/editing-help/text-context';

/** Splits `text` at the `|` marking the cursor. */
function at(marked: string): [string, number] {
  const i = marked.indexOf('|');
  return [marked.slice(0, i) + marked.slice(i + 1), i];
}

describe('editing help', () => {
  describe('parentValueSlot', () => {
    it('finds the value of parent: in block and flow style', () => {
      assert.deepEqual(parentValueSlot(...at('    parent: |')), { start: 12, end: 12, prefix: '' });
      assert.deepEqual(parentValueSlot(...at('    parent: CO|')), { start: 12, end: 14, prefix: 'CO' });
      assert.deepEqual(parentValueSlot(...at('  - parent: CO-|1')), { start: 12, end: 16, prefix: 'CO-' });
      assert.deepEqual(parentValueSlot(...at('  - { id: X-O1, parent: C|O-1 }')), { start: 24, end: 28, prefix: 'C' });
      assert.deepEqual(parentValueSlot(...at('    parent: "CO|"')), { start: 13, end: 15, prefix: 'CO' });
      assert.deepEqual(parentValueSlot(...at('    parent:|')), { start: 11, end: 11, prefix: '' });
    });
    it('is silent elsewhere', () => {
      assert.equal(parentValueSlot(...at('    title: parent: |')), undefined);
      assert.equal(parentValueSlot(...at('    # parent: |')), undefined);
      assert.equal(parentValueSlot(...at('    parent: CO-1 |')), undefined);
      assert.equal(parentValueSlot(...at('    parents: |')), undefined);
      assert.equal(parentValueSlot(...at('    par|ent: CO-1')), undefined);
    });
  });

  describe('trailerValueSlot', () => {
    it('finds the value after the trailer key, ignoring case', () => {
      assert.deepEqual(trailerValueSlot(...at('Key-Result: |'), 'Key-Result'), { start: 12, end: 12, prefix: '' });
      assert.deepEqual(trailerValueSlot(...at('Key-Result: PLAT|'), 'Key-Result'), { start: 12, end: 16, prefix: 'PLAT' });
      assert.deepEqual(trailerValueSlot(...at('key-result:PL|AT-KR1'), 'Key-Result'), { start: 11, end: 19, prefix: 'PL' });
      assert.deepEqual(trailerValueSlot(...at('Okr: |'), 'Okr'), { start: 5, end: 5, prefix: '' });
    });
    it('is silent on other lines and keys, and treats the key literally', () => {
      assert.equal(trailerValueSlot(...at('Fix the Key-Result: |'), 'Key-Result'), undefined);
      assert.equal(trailerValueSlot(...at('# Key-Result: |'), 'Key-Result'), undefined);
      assert.equal(trailerValueSlot(...at('Signed-off-by: |'), 'Key-Result'), undefined);
      assert.equal(trailerValueSlot(...at('Key-Result: PLAT-KR1 |'), 'Key-Result'), undefined);
      assert.equal(trailerValueSlot(...at('KeyXResult: |'), 'Key.Result'), undefined);
    });
  });

  describe('idAt', () => {
    it('finds the id under or just before the cursor', () => {
      assert.deepEqual(idAt(...at('Key-Result: PLAT-K|R1')), { start: 12, end: 20, id: 'PLAT-KR1' });
      assert.deepEqual(idAt(...at('Key-Result: PLAT-KR1|')), { start: 12, end: 20, id: 'PLAT-KR1' });
      assert.deepEqual(idAt(...at('|PLAT-KR1 moved')), { start: 0, end: 8, id: 'PLAT-KR1' });
    });
    it('leaves out sentence punctuation and non-ids', () => {
      assert.deepEqual(idAt(...at('moves PLAT-K|R1.')), { start: 6, end: 14, id: 'PLAT-KR1' });
      assert.deepEqual(idAt(...at('(see PLAT-KR1|)')), { start: 5, end: 13, id: 'PLAT-KR1' });
      assert.deepEqual(idAt(...at('--PLAT|')), { start: 2, end: 6, id: 'PLAT' });
      assert.equal(idAt(...at('a  |  b')), undefined);
      assert.equal(idAt(...at('12|34')), undefined);
      assert.equal(idAt(...at('X....|...')), undefined);
      assert.equal(idAt(...at('|')), undefined);
    });
  });

  describe('id info', () => {
    const text = `team: Platform
period: 2026-Q4
objectives:
  - id: PLAT-O1
    title: Customers can rely on our platform
    owner: dana
    key_results:
      - id: PLAT-KR1
        title: Reduce P1 incidents from twelve to three
        owner: dana
        start: 12
        target: 3
        current: 9
        confidence: 0.6
    initiatives:
      - { id: PLAT-I1, title: Canary deploys, owner: li, status: in_progress }
  - id: PLAT-O2
    title: Finished work
    status: done
`;
    const { file } = parseOkr(text, '/w/platform.okr.yaml');
    const defs = collectDefinitions(file);
    const def = (id: string) => defs.find((d) => d.id === id)!;

    it('locates each kind of definition', () => {
      assert.equal(locateDefinition(file, def('PLAT-O1'))?.kind, 'objective');
      const kr = locateDefinition(file, def('PLAT-KR1'));
      assert.equal(kr?.kind === 'key-result' && kr.keyResult.title, 'Reduce P1 incidents from twelve to three');
      assert.equal(locateDefinition(file, def('PLAT-I1'))?.kind, 'initiative');
      assert.equal(locateDefinition(file, { ...def('PLAT-O1'), id: 'NOPE' }), undefined);
    });

    it('a duplicated id: the item whose id the definition spans, else the first with that id', () => {
      const twice = parseOkr(
        'version: 1\nobjectives:\n  - id: O1\n    title: A\n    key_results:\n      - { id: K1, title: first }\n' +
          '  - id: O2\n    title: B\n    key_results:\n      - { id: K1, title: second }\n',
        '/w/twice.okr.yaml',
      ).file;
      const [first, second] = collectDefinitions(twice).filter((d) => d.id === 'K1');
      const title = (d: IdDefinition) => {
        const found = locateDefinition(twice, d);
        return found?.kind === 'key-result' ? found.keyResult.title : undefined;
      };
      assert.equal(title(first), 'first');
      assert.equal(title(second), 'second');
      assert.equal(title({ ...second, span: { start: 0, end: 0 } }), 'first');
    });

    it('hover: title, kind and id, team and period, health and progress, where', () => {
      const s = summarize(file, locateDefinition(file, def('PLAT-KR1'))!, '2026-11-15');
      assert.equal(
        idHoverMarkdown(s, { relativePath: 'okrs/platform.okr.yaml', line: 8 }),
        [
          '**Reduce P1 incidents from twelve to three**',
          'Key result `PLAT-KR1` · Platform · 2026\\-Q4',
          '$(warning) at risk · 33% · behind pace by 17% · 60% confident · dana',
          'okrs/platform\\.okr\\.yaml, line 8',
        ].join('\n\n'),
      );
    });

    it('hover of a done objective and of an initiative', () => {
      const done = summarize(file, locateDefinition(file, def('PLAT-O2'))!, '2026-11-15');
      assert.match(idHoverMarkdown(done, { relativePath: 'p.okr.yaml', line: 17 }), /\n\n\$\(check-all\) done\n\n/);
      const i = summarize(file, locateDefinition(file, def('PLAT-I1'))!, '2026-11-15');
      assert.match(
        idHoverMarkdown(i, { relativePath: 'p.okr.yaml', line: 16 }),
        /^\*\*Canary deploys\*\*\n\nInitiative `PLAT-I1` · Platform · 2026\\-Q4\n\nin progress · li\n\n/,
      );
    });

    it('completion documentation: health, progress and owner; team and period', () => {
      const s = summarize(file, locateDefinition(file, def('PLAT-O1'))!, '2026-11-15');
      assert.equal(completionDocumentation(s), 'at risk · 33% · behind pace by 17% · dana\n\nPlatform · 2026-Q4');
    });
  });
});
