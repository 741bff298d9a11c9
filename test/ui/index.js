// The UI test files, in the order they run: the sidebar first (it opens the OKR Lens
// view for the first time), the starter file last (it adds an OKR file to the workspace).
'use strict';

module.exports = ['sidebar', 'linked-work', 'problems', 'dashboard', 'commands'].map((name) => require.resolve(`./${name}.ui.js`));
