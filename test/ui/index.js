// The UI test files, in the order they run: the sidebar first (it opens the OKR Lens
// view for the first time), the check-in after the tests that read PLAT-KR1's check-ins,
// then the starter file (it adds an OKR file to the workspace), and Start Next Period last
// (it rolls the Mobile file over to the next quarter).
'use strict';

module.exports = ['sidebar', 'linked-work', 'problems', 'dashboard', 'check-in', 'commands', 'period'].map((name) =>
  require.resolve(`./${name}.ui.js`),
);
