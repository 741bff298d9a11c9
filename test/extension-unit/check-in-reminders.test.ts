// The check-in reminders' words and their rule: at most one notification per cadence
// window, Snooze for a day asks again the next day, Don't Show Again never asks again;
// and the note prefilled from the commits linked since the latest check-in.

import { strict as assert } from 'node:assert';
import type { KeyResult } from '../../src/core/model';
import {
  afterDismiss,
  afterShown,
  afterSnooze,
  commitNote,
  dueStatusText,
  dueTooltip,
  readMemory,
  reminderMessage,
  shouldNotify,
  type ReminderMemory,
} from '../../src/extension/check-in/reminders-model';

const kr = (id: string) => ({ id }) as KeyResult;

describe('check-in reminders', () => {
  it('the status bar says how many check-ins are due, and nothing when none is', () => {
    assert.equal(dueStatusText(3), '$(bell) 3 check-ins due');
    assert.equal(dueStatusText(1), '$(bell) 1 check-in due');
    assert.equal(dueStatusText(0), undefined);
  });

  it('the tooltip lists the due key results with how late, at most ten', () => {
    assert.equal(
      dueTooltip([
        { keyResult: kr('A'), daysLate: 3 },
        { keyResult: kr('B'), daysLate: 0 },
      ]),
      'Key results due for a check-in (click to check in on each):\nA: 3 days late\nB: due today',
    );
    const many = Array.from({ length: 12 }, (_, i) => ({ keyResult: kr(`K${i}`), daysLate: 1 }));
    assert.match(dueTooltip(many), /K9: 1 day late\nand 2 more$/);
  });

  it('the notification names the first three and the cadence', () => {
    assert.equal(
      reminderMessage([
        { keyResult: kr('A'), daysLate: 3, cadence: 14 },
        { keyResult: kr('B'), daysLate: 1, cadence: 14 },
        { keyResult: kr('C'), daysLate: 0, cadence: 14 },
        { keyResult: kr('D'), daysLate: 0, cadence: 14 },
      ]),
      'OKR Lens: 4 key results are due for a check-in: A, B, C and 1 more (check-ins fortnightly).',
    );
    assert.equal(
      reminderMessage([
        { keyResult: kr('A'), daysLate: 3, cadence: 7 },
        { keyResult: kr('B'), daysLate: 1, cadence: 14 },
      ]),
      'OKR Lens: 2 key results are due for a check-in: A, B.',
    );
    assert.equal(
      reminderMessage([{ keyResult: kr('A'), daysLate: 0, cadence: 7 }]),
      'OKR Lens: 1 key result is due for a check-in: A (check-ins weekly).',
    );
  });

  it('notifies at most once per cadence window', () => {
    let m: ReminderMemory = {};
    assert.equal(shouldNotify(m, 'notify', 2, 7, '2026-11-28'), true);
    m = afterShown(m, '2026-11-28');
    assert.equal(shouldNotify(m, 'notify', 2, 7, '2026-11-28'), false, 'the same day');
    assert.equal(shouldNotify(m, 'notify', 2, 7, '2026-12-04'), false, 'six days later');
    assert.equal(shouldNotify(m, 'notify', 2, 7, '2026-12-05'), true, 'a cadence later');
    assert.equal(shouldNotify(m, 'notify', 2, 14, '2026-12-05'), false, 'a longer cadence');
    assert.equal(shouldNotify(m, 'notify', 2, 7, '2026-11-20'), false, 'a day before the last notification');
  });

  it('is quiet when nothing is due and when the setting says statusBar or off', () => {
    assert.equal(shouldNotify({}, 'notify', 0, 7, '2026-11-28'), false);
    assert.equal(shouldNotify({}, 'statusBar', 3, 7, '2026-11-28'), false);
    assert.equal(shouldNotify({}, 'off', 3, 7, '2026-11-28'), false);
  });

  it("Snooze for a day asks again the next day, inside the window too; Don't Show Again never", () => {
    let m = afterShown({}, '2026-11-28');
    m = afterSnooze(m, '2026-11-28');
    assert.deepEqual(m, { snoozedUntil: '2026-11-29' });
    assert.equal(shouldNotify(m, 'notify', 1, 14, '2026-11-28'), false);
    assert.equal(shouldNotify(m, 'notify', 1, 14, '2026-11-29'), true);
    m = afterShown(m, '2026-11-29');
    assert.deepEqual(m, { shownOn: '2026-11-29' });
    m = afterDismiss(m);
    assert.equal(shouldNotify(m, 'notify', 5, 1, '2027-01-01'), false);
  });

  it('reads back only what it wrote from workspaceState', () => {
    assert.deepEqual(readMemory(undefined), {});
    assert.deepEqual(readMemory('x'), {});
    assert.deepEqual(readMemory({ shownOn: '2026-11-28', snoozedUntil: 'tomorrow', dismissed: 'yes' }), { shownOn: '2026-11-28' });
    assert.deepEqual(readMemory({ snoozedUntil: '2026-11-29', dismissed: true }), { snoozedUntil: '2026-11-29', dismissed: true });
  });

  it('the note is the subjects of the commits since the latest check-in, newest first', () => {
    const commits = [
      { subject: 'Page the on-call only for customer alerts', date: '2026-11-12T10:00:00+01:00' },
      { subject: 'Retry once', date: '2026-11-01T18:00:00Z' },
      { subject: 'Older work', date: '2026-10-30T09:00:00Z' },
    ];
    assert.equal(commitNote(commits, '2026-11-01'), 'Page the on-call only for customer alerts; Retry once');
    assert.equal(commitNote(commits, '2026-11-13'), '');
    assert.equal(commitNote([], undefined), '');
    const many = Array.from({ length: 7 }, (_, i) => ({ subject: `c${i}`, date: '2026-11-20' }));
    assert.equal(commitNote(many, '2026-11-01'), 'c0; c1; c2; c3; c4; and 2 more commits');
  });
});
