// The UI test files, in the order they run: the sidebar first (it opens the OKR Lens
// view for the first time), the check-in after the tests that read PLAT-KR1's check-ins,
// then the starter file (it adds an OKR file to the workspace), Start Next Period
// (it rolls the Mobile file over to the next quarter), and the alignment mode last (it
// adds the org files for its run and takes them away).
'use strict';

module.exports = ['sidebar', 'linked-work', 'problems', 'dashboard', 'check-in', 'commands', 'period', 'alignment'].map((name) =>
  require.resolve(`./${name}.ui.js`),
);
