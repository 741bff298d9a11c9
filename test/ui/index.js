// The UI test files, in the order they run: the sidebar first (it opens the OKR Lens
// view for the first time), then the starter file (it adds an OKR file to the workspace), and
// Start Next Period last (it rolls the Mobile file over to the next quarter).
'use strict';

module.exports = ['sidebar', 'linked-work', 'problems', 'dashboard', 'commands', 'period'].map((name) =>
  require.resolve(`./${name}.ui.js`),
);
