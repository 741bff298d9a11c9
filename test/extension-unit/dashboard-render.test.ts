import assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { parseOkr } from '../../src/core/parse';
import { buildReport } from '../../src/core/report';
import { dashboardBody, filterChoices } from '../../src/extension/dashboard/render';

const HOSTILE = '<img src=x onerror=alert(1)></svg><script>x()</script> "q" & \u001b[2J';

function report() {
  const text = [
    'team: Platform',
    'period: 2026-Q4',
    'objectives:',
    '  - id: PLAT-O1',
    `    title: ${JSON.stringify(HOSTILE)}`,
    '    owner: dana',
    '    key_results:',
    '      - id: PLAT-KR1',
    '        title: Cut P1 incidents from 12 to 3',
    '        owner: li',
    '        start: 12',
    '        target: 3',
    '        check_ins:',
    '          - { date: 2026-10-15, value: 10, confidence: 0.8 }',
    `          - { date: 2026-11-01, value: 8, confidence: 0.6, note: ${JSON.stringify(HOSTILE)} }`,
    '      - { id: PLAT-KR2, title: Nothing measured, status: done }',
    '',
  ].join('\n');
  const { file } = parseOkr(text, 'platform.okr.yaml');
  return buildReport({ files: [{ path: 'platform.okr.yaml', file }], today: '2026-11-15' });
}

function parse(html: string) {
  return new DOMParser({ onError: () => undefined }).parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
}

describe('dashboard content', () => {
  it('a team and owners written right to left are isolated (<bdi>), so the period and figures after them stay in place', () => {
    const text = [
      'team: تطبيق',
      'period: 2026-Q4',
      'objectives:',
      '  - id: APP-O1',
      '    title: تطبيق سريع',
      '    owner: זאב',
      '    key_results:',
      '      - { id: APP-KR1, title: خفض وقت البدء, owner: זאב, start: 10, target: 0, current: 5 }',
      '',
    ].join('\n');
    const { file } = parseOkr(text, 'app.okr.yaml');
    const html = dashboardBody(buildReport({ files: [{ path: 'app.okr.yaml', file }], today: '2026-11-15' }), {
      canCheckIn: true,
      restricted: false,
    });
    assert.match(html, /<h2 id="f0"><bdi>تطبيق<\/bdi> <span class="muted">2026-Q4 · app\.okr\.yaml<\/span><\/h2>/);
    assert.match(html, / · owner <bdi>זאב<\/bdi> · /);
    assert.match(html, / · <bdi>זאב<\/bdi><\/p>/);
  });

  it('each key result: a reveal button, a progress bar, a burn-up and a confidence trend', () => {
    const doc = parse(dashboardBody(report(), { canCheckIn: true, restricted: false }));
    const reveal = Array.from(doc.getElementsByTagName('button')).filter((b) => b.getAttribute('data-action') === 'reveal');
    assert.deepEqual(
      reveal.map((b) => [b.getAttribute('data-id'), b.getAttribute('data-file'), b.textContent]),
      [
        ['PLAT-KR1', 'platform.okr.yaml', 'PLAT-KR1 Cut P1 incidents from 12 to 3'],
        ['PLAT-KR2', 'platform.okr.yaml', 'PLAT-KR2 Nothing measured'],
      ],
    );
    const bars = Array.from(doc.getElementsByTagName('div')).filter((d) => d.getAttribute('role') === 'progressbar');
    // The objective's is the mean of its active key results': PLAT-KR2 is done.
    assert.deepEqual(
      bars.map((b) => b.getAttribute('aria-valuenow')),
      ['44', '44', '0'],
    );
    const svgs = Array.from(doc.getElementsByTagName('svg')).map((s) => s.getElementsByTagName('title')[0]?.textContent);
    assert.deepEqual(svgs, ['Burn-up of PLAT-KR1 Cut P1 incidents from 12 to 3', 'Confidence of PLAT-KR1 Cut P1 incidents from 12 to 3']);
    const articles = Array.from(doc.getElementsByTagName('article'));
    assert.deepEqual(
      articles.map((a) => a.getAttribute('data-owner')),
      ['li', 'dana'],
    );
    const fileSection = Array.from(doc.getElementsByTagName('section')).find((x) => x.getAttribute('class') === 'file');
    assert.equal(fileSection?.getAttribute('data-team'), 'Platform');
  });

  it('the check-in button only when the command is there and the workspace trusted, and only for active key results', () => {
    const count = (canCheckIn: boolean, restricted: boolean) =>
      Array.from(parse(dashboardBody(report(), { canCheckIn, restricted })).getElementsByTagName('button')).filter(
        (b) => b.getAttribute('data-action') === 'checkIn',
      );
    const buttons = count(true, false);
    assert.deepEqual(
      buttons.map((b) => [b.getAttribute('data-id'), b.getAttribute('aria-label')]),
      [['PLAT-KR1', 'Check in on PLAT-KR1 Cut P1 incidents from 12 to 3']],
    );
    assert.equal(count(false, true).length, 0);
    assert.match(
      dashboardBody(report(), { canCheckIn: false, restricted: true }),
      /^<p class="notice" role="note">Restricted Mode: the dashboard is read-only\./,
    );
  });

  it('hostile titles and notes are text: no element, no attribute, no control character', () => {
    const html = dashboardBody(report(), { canCheckIn: true, restricted: false });
    const doc = parse(html);
    assert.equal(doc.getElementsByTagName('script').length, 0);
    assert.equal(doc.getElementsByTagName('img').length, 0);
    assert.ok(!html.includes('<img'));
    assert.ok(!/[\u0000-\u0008\u000b-\u001f]/.test(html));
    const h3 = Array.from(doc.getElementsByTagName('h3')).find((h) => h.getAttribute('id') === 'o0-0')?.textContent;
    assert.equal(h3, `PLAT-O1 ${HOSTILE.replace('\u001b', '\\u001b')}`);
  });

  it('filters offer every team and owner once, sorted', () => {
    assert.deepEqual(filterChoices(report()), { teams: ['Platform'], owners: ['dana', 'li'] });
  });
});
