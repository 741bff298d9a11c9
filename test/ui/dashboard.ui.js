// OKR: Open Dashboard in the browser: the page's charts are read from the webview's own
// DOM (its frames), in the dark theme the harness starts with and in a light one; the
// owner filter hides other owners' key results; a key result is revealed in its file
// from the keyboard. Also the tree at the sidebar's default width, and the HTML report
// of `okr report` opened in Chromium.
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('./runner');
const { eventually } = require('./workbench');

/** The dashboard page inside the workbench: a webview iframe holding the active frame. */
function dashboardFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function setColorTheme(workbench, page, name) {
  await workbench.runCommand('Preferences: Color Theme');
  const box = page.locator('.quick-input-widget .quick-input-box input');
  await box.fill(name);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** What the page's charts hold, and the colours the theme gave them. */
async function readCharts(frame) {
  return frame.locator('body').evaluate((body) => {
    const charts = [...body.querySelectorAll('svg.okr-chart')].map((svg) => ({
      title: svg.querySelector(':scope > title')?.textContent ?? '',
      points: [...svg.querySelectorAll('circle.okr-point')].map((c) => ({
        date: c.getAttribute('data-date'),
        tip: c.querySelector('title')?.textContent ?? '',
      })),
      paceDash: svg.querySelector('polyline.okr-line-pace')?.getAttribute('stroke-dasharray') ?? null,
      actualStroke: (() => {
        const line = svg.querySelector('polyline.okr-line-actual');
        return line ? getComputedStyle(line).stroke : null;
      })(),
    }));
    // The theme's colour, as the same element would resolve it.
    const probe = document.createElement('span');
    probe.style.color = 'var(--vscode-charts-blue)';
    body.append(probe);
    const themeBlue = getComputedStyle(probe).color;
    probe.remove();
    return { charts, themeBlue, bodyClass: body.className, background: getComputedStyle(body).backgroundColor };
  });
}

test(
  'OKR: Open Dashboard shows burn-ups with pace and check-ins in the theme, filters by owner, and reveals a key result from the keyboard',
  async ({ workbench, page, readmeScreenshot }) => {
    await workbench.openOkrView();
    await workbench.treeRow('Customers can rely on our platform');
    await workbench.runCommand('OKR: Open Dashboard');
    const frame = dashboardFrame(page);
    await frame.locator('svg.okr-chart').first().waitFor({ state: 'visible' });

    const dark = await readCharts(frame);
    assert.match(dark.bodyClass, /vscode-dark/);
    const kr1 = dark.charts.find((c) => c.title === 'Burn-up of PLAT-KR1 Reduce P1 incidents from twelve to four per quarter');
    assert.ok(kr1, `no burn-up of PLAT-KR1 among ${dark.charts.map((c) => c.title).join(' | ')}`);
    assert.deepEqual(
      kr1.points.map((p) => p.date),
      ['2026-10-01', '2026-10-20', '2026-11-10'],
    );
    assert.match(kr1.points[2].tip, /^10 Nov check-in: 9 incidents \(38%\)\nconfidence 60%\ncanary deploys on half the services$/);
    assert.equal(kr1.paceDash, '6 4');
    assert.equal(kr1.actualStroke, dark.themeBlue, "the progress line takes the theme's chart colour");

    await readmeScreenshot('dashboard', async () => {
      await workbench.setSidebarWidth(300);
      await frame
        .locator('section.objective')
        .first()
        .evaluate((el) => el.scrollIntoView());
    });

    // The owner filter: only li's key results stay.
    await frame.locator('#owner').selectOption('li');
    await eventually(async () => {
      const owners = await frame.locator('article.kr:not(.hidden)').evaluateAll((els) => els.map((e) => e.getAttribute('data-owner')));
      assert.ok(owners.length > 0 && owners.every((o) => o === 'li'), `shown owners: ${owners.join(', ')}`);
    });
    assert.match(await frame.locator('#status').textContent(), /^\d+ key results? shown$/);
    // Only the files with li's work keep their heading: Mobile (no key result of li's) goes, not only its objectives.
    await eventually(async () => {
      const files = await frame
        .locator('section.file:not(.hidden)')
        .evaluateAll((els) =>
          els.map((e) => `${e.querySelector('h2')?.textContent ?? ''}: ${e.querySelectorAll('section.objective:not(.hidden)').length}`),
        );
      assert.deepEqual(files, ['Platform 2026-Q4 · platform.okr.yaml: 2']);
    });
    await frame.locator('#owner').selectOption('');

    // Keyboard: focus the key result's button, Enter opens it in its file.
    await frame.locator('button[data-action="reveal"][data-id="PLAT-KR2"]').focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.match(await workbench.activeTabLabel(), /^platform\.okr\.yaml\b/));

    // A light theme: the same charts, in the light theme's colours.
    try {
      await setColorTheme(workbench, page, 'Light Modern');
      await eventually(async () => {
        const light = await readCharts(dashboardFrame(page));
        assert.match(light.bodyClass, /vscode-light/);
        const chart = light.charts.find((c) => c.title === kr1.title);
        assert.ok(chart);
        assert.deepEqual(
          chart.points.map((p) => p.date),
          ['2026-10-01', '2026-10-20', '2026-11-10'],
        );
        assert.equal(chart.actualStroke, light.themeBlue);
        assert.notEqual(light.background, dark.background);
      });
    } finally {
      await setColorTheme(workbench, page, 'Dark Modern');
    }
  },
  { timeoutMs: 120000 },
);

test('the tree at the default sidebar width: progress rings, the percentage first', async ({ workbench, readmeScreenshot }) => {
  await workbench.openOkrView();
  await workbench.treeRow('Customers can rely on our platform');
  const rows = await eventually(async () => {
    const now = await workbench.treeRows();
    const kr2 = now.find((r) => r.label === 'Raise core API availability from 99.5% to 99.95%');
    assert.equal(kr2?.icon, 'ring-on-track-70');
    return now;
  });
  for (const r of rows.filter((x) => x.level >= 2 && x.icon.startsWith('ring-') && /^\d+%/.test(x.description))) {
    assert.match(r.description, /^\d+% · /, r.label);
  }
  // VS Code's default side bar width; another test may have widened it.
  await readmeScreenshot('tree', async () => workbench.setSidebarWidth(300));
});

test('the HTML report opens in Chromium with its charts, asks no host for anything, and breaks pages per objective', async ({
  workspace,
  extensionDir,
  page,
  readmeScreenshot,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-report-ui-'));
  const file = path.join(dir, 'report.html');
  try {
    execFileSync(
      process.execPath,
      [path.join(extensionDir, 'bin', 'okr.js'), 'report', '--format', 'html', '--today', '2026-11-15', '--out', file],
      { cwd: workspace, stdio: 'pipe' },
    );
    const reportPage = await page.context().newPage();
    const requests = [];
    reportPage.on('request', (r) => requests.push(r.url()));
    try {
      await reportPage.goto(`file://${file}`);
      const read = await reportPage.evaluate(() => ({
        h1: document.querySelector('h1')?.textContent,
        objectives: [...document.querySelectorAll('section.objective h2')].map((h) => h.textContent),
        charts: [...document.querySelectorAll('svg.okr-chart > title')].map((t) => t.textContent),
        points: document.querySelectorAll('svg.okr-chart circle.okr-point').length,
        scripts: document.scripts.length,
      }));
      assert.equal(read.h1, 'OKR progress report');
      assert.ok(read.objectives.includes('PLAT-O1 Customers can rely on our platform'), read.objectives.join(' | '));
      assert.ok(read.charts.includes('Burn-up of PLAT-KR1 Reduce P1 incidents from twelve to four per quarter'));
      assert.ok(read.points >= 3);
      assert.equal(read.scripts, 0);
      assert.deepEqual(requests, [`file://${file}`]);
      await reportPage.emulateMedia({ media: 'print' });
      const breaks = await reportPage.evaluate(() =>
        [...document.querySelectorAll('section.objective')].map((s) => getComputedStyle(s).breakBefore),
      );
      assert.ok(breaks.length >= 2 && breaks.every((b) => b === 'page'), breaks.join(', '));
      await reportPage.emulateMedia({ media: 'screen' });
      await readmeScreenshot(
        'report',
        async () => reportPage.evaluate(() => document.querySelector('section.objective')?.scrollIntoView()),
        { page: reportPage, parkMouse: false },
      );
    } finally {
      await reportPage.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('in a narrow editor the dashboard charts shrink to fit their key result card, none cut off at its edge', async ({
  workbench,
  page,
}) => {
  await workbench.openOkrView();
  await workbench.treeRow('Customers can rely on our platform');
  // One editor group (a walkthrough may have opened beside it): only the side bar takes the width.
  await workbench.runCommand('View: Single Column Editor Layout');
  const sidebar = page.locator('[id="workbench.parts.sidebar"]');
  const width = (await sidebar.boundingBox()).width;
  await workbench.runCommand('OKR: Open Dashboard');
  const frame = dashboardFrame(page);
  await frame.locator('svg.okr-chart').first().waitFor({ state: 'visible' });
  try {
    // The side bar takes most of the window: the dashboard's editor is about 230 px wide.
    await workbench.setSidebarWidth(1000);
    await eventually(async () => {
      const cut = await frame.locator('article.kr:not(.hidden)').evaluateAll((cards) =>
        cards.flatMap((card) => {
          const edge = card.getBoundingClientRect().right;
          return [...card.querySelectorAll('svg')]
            .filter((svg) => svg.getBoundingClientRect().right > edge + 0.5)
            .map(
              (svg) =>
                `${svg.querySelector('title')?.textContent ?? svg.getAttribute('class')} ends ${Math.round(svg.getBoundingClientRect().right - edge)} px past its card`,
            );
        }),
      );
      const charts = await frame.locator('article.kr:not(.hidden) svg.okr-chart').count();
      assert.ok(charts > 0, 'the dashboard shows charts');
      assert.deepEqual(cut, []);
    });
  } finally {
    await workbench.setSidebarWidth(Math.round(width));
  }
});

test('a team named right to left keeps its period after it in the dashboard heading', async ({ workbench, page, workspace }) => {
  const file = path.join(workspace, 'rtl-dashboard.okr.yaml');
  fs.writeFileSync(
    file,
    [
      'version: 1',
      'team: تطبيق',
      'period: 2026-Q4',
      'objectives:',
      '  - id: RTLD-O1',
      '    title: تطبيق سريع',
      '    owner: זאב',
      '    key_results:',
      '      - { id: RTLD-KR1, title: خفض وقت البدء, start: 10, target: 0, current: 5 }',
      '',
    ].join('\n'),
  );
  try {
    await workbench.openOkrView();
    await workbench.treeRow('Customers can rely on our platform');
    await eventually(async () => {
      const labels = (await workbench.treeRows()).map((r) => r.label);
      assert.ok(
        labels.some((l) => l.includes('تطبيق')),
        `the tree shows rtl-dashboard.okr.yaml: ${labels.join(' | ')}`,
      );
    });
    await workbench.runCommand('OKR: Open Dashboard');
    const frame = dashboardFrame(page);
    await eventually(async () => {
      const drawn = await frame.locator('section.file h2').evaluateAll((hs) => {
        const h = hs.find((e) => (e.textContent ?? '').includes('rtl-dashboard.okr.yaml'));
        if (!h) return undefined;
        const rect = (text) => {
          const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            const r = range.getBoundingClientRect();
            return { left: Math.round(r.left), right: Math.round(r.right) };
          }
          return undefined;
        };
        return { team: rect('تطبيق'), period: rect('2026-Q4') };
      });
      assert.ok(drawn?.team && drawn.period, `the heading of rtl-dashboard.okr.yaml: ${JSON.stringify(drawn)}`);
      assert.ok(drawn.period.left >= drawn.team.right - 1, `"2026-Q4" is drawn after the team: ${JSON.stringify(drawn)}`);
    });
  } finally {
    fs.rmSync(file, { force: true });
    await eventually(async () => {
      const labels = (await workbench.treeRows()).map((r) => r.label);
      assert.ok(!labels.some((l) => l.includes('تطبيق')), `rtl-dashboard.okr.yaml is still in the tree: ${labels.join(' | ')}`);
    });
  }
});
