import { strict as assert } from 'node:assert';
import {
  confidenceText,
  formatNumber,
  formatQuantity,
  initiativeStatusText,
  linkedWorkText,
  oneLine,
  paceText,
  periodText,
  progressSummary,
  relativeDate,
  teamPeriodText,
} from '../../src/core/wording';

describe('format', () => {
  describe('paceText', () => {
    it('says behind or ahead in whole percentage points', () => {
      assert.equal(paceText(-0.15), 'behind pace by 15%');
      assert.equal(paceText(0.1), 'ahead of pace by 10%');
      assert.equal(paceText(-0.304), 'behind pace by 30%');
    });
    it('says nothing within five points either way, or when unknown', () => {
      for (const gap of [0, 0.05, -0.05, 0.049, -0.0449, 0.0501]) assert.equal(paceText(gap), undefined, String(gap));
      assert.equal(paceText(-0.06), 'behind pace by 6%');
      assert.equal(paceText(undefined), undefined);
      assert.equal(paceText(Number.NaN), undefined);
    });
  });

  it('confidenceText', () => {
    assert.equal(confidenceText(0.6), '60% confident');
    assert.equal(confidenceText(1), '100% confident');
    assert.equal(confidenceText(undefined), undefined);
  });

  it('formatNumber drops float noise and keeps integers plain', () => {
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(99.95), '99.95');
    assert.equal(formatNumber(1_000_000), '1000000');
    assert.equal(formatNumber(-3), '-3');
  });

  it('formatQuantity attaches % and spaces other units', () => {
    assert.equal(formatQuantity(7, 'incidents'), '7 incidents');
    assert.equal(formatQuantity(99.9, '%'), '99.9%');
    assert.equal(formatQuantity(3), '3');
    assert.equal(formatQuantity(3, '  '), '3');
  });

  it('periodText and teamPeriodText', () => {
    assert.equal(periodText({ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }), '2026-Q4');
    assert.equal(periodText({ start: '2026-10-01', end: '2026-11-15' }), '2026-10-01 to 2026-11-15');
    assert.equal(periodText(undefined), undefined);
    assert.equal(teamPeriodText('Platform', { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }), 'Platform · 2026-Q4');
    assert.equal(teamPeriodText('Platform', undefined), 'Platform');
    assert.equal(teamPeriodText('  Data\n team ', undefined), 'Data team');
    assert.equal(teamPeriodText(undefined, undefined), undefined);
  });

  describe('progressSummary', () => {
    it('joins progress, pace, confidence and owner', () => {
      assert.equal(
        progressSummary({ progress: 0.6, paceGap: -0.15, confidence: 0.6, owner: 'dana' }),
        '60% · behind pace by 15% · 60% confident · dana',
      );
    });
    it('leaves out what is unknown or on pace', () => {
      assert.equal(progressSummary({ progress: 0.5, paceGap: 0.02 }), '50%');
      assert.equal(progressSummary({ owner: 'li' }), 'li');
      assert.equal(progressSummary({}), '');
    });
    it('names health that progress cannot show', () => {
      assert.equal(progressSummary({ progress: 1, health: 'done' }), '100% · done');
      assert.equal(progressSummary({ health: 'dropped', owner: 'dana' }), 'dropped · dana');
      assert.equal(progressSummary({ health: 'unknown' }), 'no data');
      assert.equal(progressSummary({ progress: 0, health: 'not-started' }), '0% · not started');
      // Pace already tells on-track / at-risk / off-track.
      assert.equal(progressSummary({ progress: 0.2, paceGap: -0.4, health: 'off-track' }), '20% · behind pace by 40%');
    });
  });

  it('relativeDate', () => {
    const today = '2026-11-26';
    assert.equal(relativeDate('2026-11-26', today), 'today');
    assert.equal(relativeDate('2026-11-25', today), 'yesterday');
    assert.equal(relativeDate('2026-11-24', today), '2d ago');
    assert.equal(relativeDate('2026-11-05', today), '3w ago');
    assert.equal(relativeDate('2026-06-26', today), '5mo ago');
    assert.equal(relativeDate('2023-11-26', today), '3y ago');
    assert.equal(relativeDate('2026-11-29', today), 'in 3d');
    assert.equal(relativeDate('not a date', today), 'not a date');
  });

  it('linkedWorkText', () => {
    assert.equal(linkedWorkText(3, '2026-11-24T10:00:00+01:00', '2026-11-26'), '3 commits · 2d ago');
    assert.equal(linkedWorkText(1, '2026-11-26', '2026-11-26'), '1 commit · today');
    assert.equal(linkedWorkText(2, undefined, '2026-11-26'), '2 commits');
    assert.equal(linkedWorkText(0, undefined, '2026-11-26'), 'no commits');
  });

  it('initiativeStatusText and oneLine', () => {
    assert.equal(initiativeStatusText('in_progress'), 'in progress');
    assert.equal(initiativeStatusText('planned'), 'planned');
    assert.equal(oneLine(' a\n  b\tc '), 'a b c');
  });
});
