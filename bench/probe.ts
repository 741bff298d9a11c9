// What the scale benchmark's child processes load (dist/bench-parse.js): the parser
// for the bare-parse baseline and the commit index for the memory probe, bundled
// the same way as the CLI.
export { parseOkr } from '../src/core/parse';
export { CommitIndex } from '../src/core/git/history';
