// The files generated from the rule registry are committed; this fails when a rule, an
// option or a description changed without `npm run generate` (CI runs it with the unit tests).

import { strict as assert } from 'node:assert';
import { staleFiles, withOptionsTable } from '../../scripts/generate';

describe('generated files', () => {
  it('are up to date with the rule registry (npm run generate)', () => {
    assert.deepEqual(staleFiles(), []);
  });

  it('replace only the options table of a docs page, and again in place', () => {
    const page =
      '# r\n\n## Options\n\n| Option | Default |\n| --- | --- |\n| `a` | `1` |\n\n```yaml\nlint: { r: { a: 2 } }\n```\n\n## Fix\n\nNone.\n';
    const once = withOptionsTable(page, 'TABLE 1');
    assert.equal(
      once,
      '# r\n\n## Options\n\n<!-- generated: options table (npm run generate) -->\nTABLE 1\n<!-- end of generated options table -->\n\n' +
        '```yaml\nlint: { r: { a: 2 } }\n```\n\n## Fix\n\nNone.\n',
    );
    const twice = withOptionsTable(once, 'TABLE 2');
    assert.equal(twice, once.replace('TABLE 1', 'TABLE 2'));
    assert.equal(withOptionsTable(twice, 'TABLE 2'), twice);
  });
});
