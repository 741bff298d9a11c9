// What the UI tests do with the VS Code workbench in the browser, by the DOM a user
// sees: the activity bar, the Objectives tree, Quick Open, the command palette, the
// Problems panel, the Source Control message box and the editor.
//
// Every wait is on a condition with a deadline (Playwright's auto-waiting locators, or
// `eventually` for checks that read several elements); nothing sleeps for a fixed time.
'use strict';

/** How long one condition may take before the step fails (the machine has 2 shared cores). */
const STEP_TIMEOUT_MS = 15000;

/**
 * Runs `check` until it returns without throwing, or rethrows its last error after
 * `timeoutMs`: an assertion inside it fails with its own message (and diff).
 */
async function eventually(check, { timeoutMs = STEP_TIMEOUT_MS, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// CSS for the parts of the workbench the tests use. Ids with dots need the attribute form.
const SELECTORS = {
  okrActivity: '.part.activitybar a.action-label[aria-label="OKR Lens"]',
  okrContainer: '[id="workbench.view.extension.okr"]',
  objectivesTree: '[id="workbench.view.extension.okr"] .monaco-list[role=tree][aria-label="Objectives"]',
  treeItem: '[role=treeitem]',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputTitle: '.quick-input-widget .quick-input-title',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  problemsPanel: '[id="workbench.panel.markers"]',
  panel: '[id="workbench.parts.panel"]',
  sidebar: '[id="workbench.parts.sidebar"]',
  activeEditorGroup: '.editor-group-container.active',
  notificationToast: '.notifications-toasts .notification-toast',
  scmInput: '.scm-editor .monaco-editor',
};

class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  // ---------------------------------------------------------------------------
  // Between tests

  /** Closes pickers, editors, the panel and notifications, so a test starts from a known layout. */
  async reset() {
    await this.closeQuickInput();
    await this.dismissNotifications();
    if ((await this.page.locator(`${SELECTORS.activeEditorGroup} .tab`).count()) > 0) {
      await this.runCommand('View: Close All Editors');
      await this.page.locator(`${SELECTORS.activeEditorGroup} .tab`).first().waitFor({ state: 'detached' });
    }
    if (await this.page.locator(SELECTORS.panel).isVisible()) {
      await this.runCommand('View: Hide Panel');
      await this.page.locator(SELECTORS.panel).waitFor({ state: 'hidden' });
    }
  }

  async closeQuickInput() {
    const widget = this.page.locator(SELECTORS.quickInput);
    if (await widget.isVisible()) {
      await this.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden' });
    }
  }

  /** Toasts can cover the Problems panel or the tree; clear them (they stay in the notification center). */
  async dismissNotifications() {
    if ((await this.page.locator(SELECTORS.notificationToast).count()) === 0) return;
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator(SELECTORS.notificationToast).first().waitFor({ state: 'detached' });
  }

  // ---------------------------------------------------------------------------
  // Command palette and Quick Open

  /** Runs a command by its palette title (F1, type, click the row whose label is exactly `title`). */
  async runCommand(title) {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    const box = this.page.locator(SELECTORS.quickInputBox);
    await box.waitFor({ state: 'visible' });
    await box.fill(`>${title}`);
    const row = this.page.locator(SELECTORS.quickInputRow).filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) });
    try {
      await row.first().waitFor({ state: 'visible' });
    } catch {
      const offered = await this.quickInputLabels();
      throw new Error(`the command palette offers no command "${title}"; for "${title}" it lists: ${offered.join(' | ') || '(nothing)'}`);
    }
    // A click, not Enter: Enter runs the focused row, which may be a recently used command.
    await row.first().click();
  }

  /** The labels of the picker's rows. */
  async quickInputLabels() {
    return this.page.locator(`${SELECTORS.quickInputRow} .label-name`).evaluateAll((els) => els.map((e) => (e.textContent || '').trim()));
  }

  /**
   * Waits for a picker titled `title` (a quick pick a command opened), types `filter` and picks
   * the row whose aria-label contains `rowText`.
   */
  async pick({ title, filter, rowText }) {
    await this.page.locator(SELECTORS.quickInputTitle, { hasText: exactly(title) }).waitFor({ state: 'visible' });
    await this.page.locator(SELECTORS.quickInputBox).fill(filter);
    const target = this.page.locator(`${SELECTORS.quickInputRow}[aria-label*="${cssString(rowText)}"]`).first();
    try {
      await target.waitFor({ state: 'visible' });
    } catch {
      throw new Error(
        `the "${title}" picker has no row with "${rowText}"; it lists: ${(await this.quickInputLabels()).join(' | ') || '(nothing)'}`,
      );
    }
    await target.click();
    // This picker is gone once no visible picker bears its title: a command may reuse the widget at
    // once for its next step (an input box), so the widget itself need not hide in between.
    await this.page.locator(SELECTORS.quickInputTitle, { hasText: exactly(title) }).waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P), as a user types its name. */
  async openFile(relativePath) {
    await this.closeQuickInput();
    await this.page.keyboard.press('Control+P');
    const box = this.page.locator(SELECTORS.quickInputBox);
    await box.waitFor({ state: 'visible' });
    await box.fill(relativePath);
    const name = relativePath.split('/').pop();
    // File rows are labelled "<name> <folder>, file results"; the folder part tells same-named files apart.
    const folder = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
    const row = this.page.locator(`${SELECTORS.quickInputRow}[aria-label^="${cssString(`${name}${folder ? ` ${folder}` : ''}`)}"]`);
    try {
      await row.first().waitFor({ state: 'visible' });
    } catch {
      throw new Error(`Quick Open found no file ${relativePath}; it lists: ${(await this.quickInputLabels()).join(' | ') || '(nothing)'}`);
    }
    await row.first().click();
    await this.waitForActiveTab(name);
  }

  // ---------------------------------------------------------------------------
  // Editors

  /** Waits until the active editor tab's label starts with `name`. */
  async waitForActiveTab(name) {
    await this.page.locator(`${SELECTORS.activeEditorGroup} .tab.active[aria-label^="${cssString(name)}"]`).waitFor({ state: 'visible' });
  }

  async activeTabLabel() {
    return this.page.locator(`${SELECTORS.activeEditorGroup} .tab.active`).getAttribute('aria-label');
  }

  /** The text the active editor shows (its rendered lines: the top of a long file). */
  async activeEditorText() {
    const lines = this.page.locator(`${SELECTORS.activeEditorGroup} .editor-instance .monaco-editor .view-lines`).first();
    await lines.waitFor({ state: 'visible' });
    // Rendered lines are absolutely positioned, not in document order: sort by their top.
    return lines.evaluate((el) =>
      [...el.querySelectorAll('.view-line')]
        .map((line) => ({ top: parseFloat(line.style.top) || 0, text: (line.textContent || '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text)
        .join('\n'),
    );
  }

  /** Lint squiggles shown in the active editor, by severity. */
  async squiggles() {
    const editor = this.page.locator(`${SELECTORS.activeEditorGroup} .editor-instance .monaco-editor`).first();
    return {
      errors: await editor.locator('.squiggly-error').count(),
      warnings: await editor.locator('.squiggly-warning').count(),
      infos: await editor.locator('.squiggly-info').count(),
    };
  }

  // ---------------------------------------------------------------------------
  // The OKR Lens sidebar

  /** Clicks the OKR Lens icon in the activity bar (unless its view is showing: a second click would hide it). */
  async openOkrView() {
    // The view container, not the tree: an empty tree is hidden, and treeRow() says so more clearly.
    const container = this.page.locator(SELECTORS.okrContainer);
    if (!(await container.isVisible())) {
      await this.page.locator(SELECTORS.okrActivity).click();
    }
    await container.waitFor({ state: 'visible' });
  }

  /** The rows the Objectives tree shows, top to bottom, as a user reads them. */
  async treeRows() {
    return this.page.locator(`${SELECTORS.objectivesTree} ${SELECTORS.treeItem}`).evaluateAll((rows) =>
      rows
        .map((row) => ({
          top: row.getBoundingClientRect().top,
          level: Number(row.getAttribute('aria-level')),
          label: (row.querySelector('.label-name')?.textContent || '').trim(),
          description: (row.querySelector('.label-description')?.textContent || '').trim(),
          expanded: row.getAttribute('aria-expanded') === null ? undefined : row.getAttribute('aria-expanded') === 'true',
          // A codicon's class, or the name of an SVG icon (OKR Lens's progress rings: `ring-at-risk-40`).
          icon:
            [...(row.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find(
              (c) => c.startsWith('codicon-') && c !== 'codicon',
            ) ??
            (/([^/]+?)(?:-(?:light|dark))?\.svg/.exec(
              decodeURIComponent(getComputedStyle(row.querySelector('.custom-view-tree-node-item-icon') ?? row).backgroundImage)
                .split('/')
                .pop() ?? '',
            ) ?? [])[1] ??
            '',
          ariaLabel: row.getAttribute('aria-label') || '',
        }))
        .sort((a, b) => a.top - b.top)
        .map(({ top, ...rest }) => rest),
    );
  }

  /** Waits for a tree row whose label is exactly `label`; returns its locator. */
  async treeRow(label) {
    const row = this.page
      .locator(`${SELECTORS.objectivesTree} ${SELECTORS.treeItem}`)
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) });
    try {
      await row.first().waitFor({ state: 'visible' });
    } catch {
      const labels = (await this.treeRows()).map((r) => r.label);
      throw new Error(
        `the Objectives view shows no row "${label}"; it ` +
          `shows ${labels.length ? labels.map((l) => `"${l}"`).join(', ') : 'no rows at all'}`,
      );
    }
    return row.first();
  }

  /** Expands a tree row by a click on its chevron (a click on the row would run its "open in editor" command). */
  async expandTreeRow(label) {
    const row = await this.treeRow(label);
    if ((await row.getAttribute('aria-expanded')) === 'true') return row;
    if ((await row.getAttribute('aria-expanded')) === null) throw new Error(`the tree row "${label}" cannot expand: it has no children`);
    // The twistie element spans the indentation too; only its right end, the chevron, toggles.
    const twistie = row.locator('.monaco-tl-twistie');
    const box = await twistie.boundingBox();
    if (!box) throw new Error(`the tree row "${label}" has no chevron on screen`);
    await twistie.click({ position: { x: box.width - 8, y: box.height / 2 } });
    await eventually(async () => {
      if ((await row.getAttribute('aria-expanded')) !== 'true') throw new Error(`the tree row "${label}" did not expand`);
    });
    return row;
  }

  /** Hovers a tree row's label until its tooltip shows; returns the tooltip's text. */
  async hoverTreeRow(label) {
    const row = await this.treeRow(label);
    await row.locator('.label-name').hover();
    const hover = this.page.locator('.workbench-hover', { hasText: label });
    await hover.first().waitFor({ state: 'visible' });
    return (await hover.first().innerText()).trim();
  }

  // ---------------------------------------------------------------------------
  // Problems panel

  async openProblems() {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator(SELECTORS.problemsPanel).waitFor({ state: 'visible' });
  }

  /** The Problems panel's rows: file rows and, under each, its markers with message, source, code, line. */
  async problems() {
    return this.page.locator(`${SELECTORS.problemsPanel} .monaco-list-row`).evaluateAll((rows) =>
      rows
        .map((row) => {
          const text = (selector) => (row.querySelector(selector)?.textContent || '').trim();
          const marker = row.querySelector('.marker-message');
          const severity = ['error', 'warning', 'info'].find((s) => row.querySelector('.marker-icon')?.classList.contains(s));
          return {
            top: row.getBoundingClientRect().top,
            kind: marker ? 'marker' : 'file',
            ariaLabel: row.getAttribute('aria-label') || '',
            severity,
            message: text('.marker-message'),
            source: text('.marker-source'),
            code: text('.marker-code'),
            codeLink: row.querySelector('.marker-code')?.closest('a')?.getAttribute('href') || '',
            line: text('.marker-line'),
          };
        })
        .sort((a, b) => a.top - b.top)
        .map(({ top, ...rest }) => rest),
    );
  }

  // ---------------------------------------------------------------------------
  // Source Control

  async openSourceControl() {
    await this.runCommand('Source Control: Focus on Changes View');
    await this.page.locator(SELECTORS.scmInput).first().waitFor({ state: 'visible' });
  }

  /** The commit message box's text, line by line. */
  async commitMessage() {
    return this.page
      .locator(`${SELECTORS.scmInput} .view-lines`)
      .first()
      .evaluate((el) =>
        [...el.querySelectorAll('.view-line')]
          .map((line) => ({ top: parseFloat(line.style.top) || 0, text: (line.textContent || '').replace(/\u00a0/g, ' ') }))
          .sort((a, b) => a.top - b.top)
          .map((line) => line.text)
          .join('\n'),
      );
  }

  // ---------------------------------------------------------------------------
  // Layout, for the README screenshots

  /** Drags the sash between the side bar and the editor until the side bar is `width` px wide. */
  async setSidebarWidth(width) {
    const sidebar = this.page.locator(SELECTORS.sidebar);
    const box = await sidebar.boundingBox();
    if (!box) throw new Error('the side bar is not showing');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width - 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width - 1, y, { steps: 8 });
    await this.page.mouse.up();
    await eventually(async () => {
      const now = await sidebar.boundingBox();
      if (!now || Math.abs(now.width - width) > 4) throw new Error(`the side bar is ${now?.width} px wide, not ${width}`);
    });
    await this.parkMouse();
  }

  /** Moves the pointer where it highlights nothing (a hovered sash or row would show in a screenshot). */
  async parkMouse() {
    const status = await this.page.locator('[id="workbench.parts.statusbar"]').boundingBox();
    await this.page.mouse.move(status ? status.x + status.width / 2 : 640, status ? status.y + status.height / 2 : 795);
  }
}

/** A regex that matches exactly `text` (Playwright's hasText with a string matches a substring). */
function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** `text` escaped for a CSS attribute value in double quotes. */
function cssString(text) {
  return text.replace(/["\\]/g, '\\$&');
}

module.exports = { Workbench, eventually, SELECTORS, STEP_TIMEOUT_MS };
