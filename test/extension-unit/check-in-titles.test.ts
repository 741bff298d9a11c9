import assert from 'node:assert/strict';
import { checkInTitle, notePrompt, walkSummary } from '../../src/extension/check-in/prompts';

describe('Check In titles and messages', () => {
  it('the steps are titled with the id and title, and the place in a walk', () => {
    assert.equal(checkInTitle('PLAT-KR1', 'Reduce P1 incidents'), 'Check In: PLAT-KR1 Reduce P1 incidents');
    assert.equal(checkInTitle('PLAT-KR1', undefined), 'Check In: PLAT-KR1');
    assert.equal(checkInTitle('PLAT-KR1', '', { index: 2, total: 5 }), 'Check In (2 of 5): PLAT-KR1');
    assert.equal(checkInTitle('K', 'T', { index: 1, total: 1 }), 'Check In (1 of 1): K T');
  });

  it('the note prompt says when the note comes from the linked commits', () => {
    assert.equal(notePrompt(true), 'A note: what happened since the last check-in, from the linked commits (edit it; Enter to finish)');
    assert.equal(notePrompt(false), 'A note: what happened since the last check-in (optional; Enter to finish)');
  });

  it('a walk ends with how many were checked in and skipped', () => {
    assert.equal(walkSummary(1, 0), '$(check) Checked in 1 key result');
    assert.equal(walkSummary(0, 0), '$(check) Checked in 0 key results');
    assert.equal(walkSummary(2, 3), '$(check) Checked in 2 key results, skipped 3');
  });
});
