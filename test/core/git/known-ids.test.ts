import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { KnownIds, knownIdsForRepo, listOkrFiles } from '../../../src/core/git/known-ids';
import type { IdDefinition } from '../../../src/core/model';
import { PLATFORM_OKR, TempRepo } from '../../helpers/git-repo';

const def = (id: string, kind: IdDefinition['kind'] = 'key-result'): IdDefinition => ({
  id,
  kind,
  path: '/x.okr.yaml',
  span: { start: 0, end: 0 },
});

describe('known key results', function () {
  this.timeout(30_000);

  it('resolves ids case-insensitively and explains the unknown ones', () => {
    const known = new KnownIds([
      def('PLAT-KR1'),
      def('PLAT-KR2'),
      def('PLAT-O1', 'objective'),
      def('PLAT-I1', 'initiative'),
      def('PLAT-KR1'),
    ]);
    assert.deepEqual(known.ids, ['PLAT-KR1', 'PLAT-KR2']);
    assert.equal(known.resolve(' plat-kr2 ')?.id, 'PLAT-KR2');
    assert.equal(known.explainUnknown('PLAT-KR1'), undefined);
    assert.equal(known.explainUnknown('PLAT-O1'), 'PLAT-O1 is an objective, not a key result');
    assert.equal(known.explainUnknown('PLAT-I1'), 'PLAT-I1 is an initiative, not a key result');
    assert.equal(
      known.explainUnknown('PLAT-KR1, PLAT-KR2'),
      '"PLAT-KR1, PLAT-KR2" names several key results in one trailer: write one trailer per key result',
    );
    assert.equal(known.explainUnknown('PLAT-KR3'), 'PLAT-KR3 is not a key result in the OKR files (did you mean PLAT-KR1, PLAT-KR2?)');
    assert.equal(known.explainUnknown('SOMETHING-ELSE'), 'SOMETHING-ELSE is not a key result in the OKR files');
  });

  describe('in a repository', () => {
    let repo: TempRepo;
    beforeEach(() => {
      repo = TempRepo.create();
    });
    afterEach(() => repo.remove());

    it('reads the OKR files git sees: tracked or not, but not ignored, not in node_modules', async () => {
      repo.write('okr/platform.okr.yaml', PLATFORM_OKR);
      repo.write('.okr.yaml', 'version: 1\nobjectives:\n  - id: ROOT-O1\n    key_results:\n      - { id: ROOT-KR1 }\n');
      repo.write('drafts/new.okr.yml', 'version: 1\nobjectives:\n  - id: NEW-O1\n    key_results:\n      - { id: NEW-KR1 }\n');
      repo.write('ignored/old.okr.yaml', 'version: 1\nobjectives:\n  - id: OLD-O1\n    key_results:\n      - { id: OLD-KR1 }\n');
      repo.write('.gitignore', 'ignored/\n');
      repo.write('node_modules/dep/x.okr.yaml', 'version: 1\nobjectives:\n  - id: DEP-O1\n    key_results:\n      - { id: DEP-KR1 }\n');
      repo.git(['add', 'okr', '.okr.yaml', '.gitignore']);
      const loaded = await knownIdsForRepo(repo.ctx, repo.dir);
      assert.deepEqual([...loaded.known.ids].sort(), ['NEW-KR1', 'PLAT-KR1', 'PLAT-KR12', 'PLAT-KR2', 'ROOT-KR1']);
      assert.deepEqual(loaded.empty, []);
    });

    it('reads the folders of git config okr.files instead, also outside the repository', async () => {
      repo.write('okr/platform.okr.yaml', PLATFORM_OKR);
      const outside = path.join(repo.root, 'company-okrs');
      mkdirSync(outside);
      writeFileSync(
        path.join(outside, 'co.okr.yaml'),
        'version: 1\nobjectives:\n  - id: CO-O1\n    key_results:\n      - { id: CO-KR1 }\n',
      );
      repo.git(['config', '--add', 'okr.files', '../company-okrs']);
      const loaded = await knownIdsForRepo(repo.ctx, repo.dir);
      assert.deepEqual(loaded.known.ids, ['CO-KR1']);
    });

    it('reads the files of a listing the caller started in the root (okr links starts it beside opening the repository)', async () => {
      repo.write('okr/platform.okr.yaml', PLATFORM_OKR);
      const listing = listOkrFiles({ ...repo.ctx, cwd: repo.dir });
      await listing;
      // Written after the listing: not in it, so not read.
      repo.write('.okr.yaml', 'version: 1\nobjectives:\n  - id: ROOT-O1\n    key_results:\n      - { id: ROOT-KR1 }\n');
      const loaded = await knownIdsForRepo(repo.ctx, repo.dir, undefined, undefined, listing);
      assert.deepEqual([...loaded.known.ids].sort(), ['PLAT-KR1', 'PLAT-KR12', 'PLAT-KR2']);
      assert.deepEqual((await knownIdsForRepo(repo.ctx, repo.dir)).known.ids.includes('ROOT-KR1'), true);
    });

    it('says where it looked when there is no OKR file', async () => {
      const loaded = await knownIdsForRepo(repo.ctx, repo.dir);
      assert.equal(loaded.known.size, 0);
      assert.deepEqual(loaded.empty, [repo.dir]);
    });
  });
});
