import { strict as assert } from 'node:assert';
import { defaultBranch } from '../../../src/core/git/git';
import { TempRepo } from '../../helpers/git-repo';

describe('defaultBranch', () => {
  it('is main when main exists and there is no remote', async () => {
    const repo = TempRepo.create();
    repo.commit('first');
    repo.git(['switch', '-q', '-c', 'kr/PLAT-KR1-x']);
    assert.equal(await defaultBranch(repo.ctx), 'main');
  });

  it('prefers init.defaultBranch, then master', async () => {
    const repo = TempRepo.create({ branch: 'master' });
    repo.commit('first');
    assert.equal(await defaultBranch(repo.ctx), 'master');
    repo.git(['branch', 'trunk']);
    repo.git(['config', 'init.defaultBranch', 'trunk']);
    assert.equal(await defaultBranch(repo.ctx), 'trunk');
  });

  it("follows the remote's HEAD when the repository is a clone", async () => {
    const upstream = TempRepo.create({ branch: 'develop' });
    upstream.commit('first');
    const clone = upstream.sibling('clone');
    upstream.git(['clone', '-q', upstream.dir, clone.dir], { cwd: upstream.root });
    clone.git(['switch', '-q', '-c', 'feature']);
    assert.equal(await defaultBranch(clone.ctx), 'origin/develop');
  });

  it('is undefined when no usual default branch exists, and in a repository without commits', async () => {
    const odd = TempRepo.create({ branch: 'work' });
    odd.commit('first');
    assert.equal(await defaultBranch(odd.ctx), undefined);
    const empty = TempRepo.create();
    assert.equal(await defaultBranch(empty.ctx), undefined);
  });
});
