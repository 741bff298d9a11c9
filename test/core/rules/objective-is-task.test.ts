import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import type { RuleSettings } from '../../../src/core/model';
import { objectiveIsTask } from '../../../src/core/rules/objective-is-task';
import { assertFixture } from './rule-fixture';

const ID = 'objective-is-task';

function okr(objectives: string, lint = ''): string {
  return `version: 1\nteam: Platform\nperiod: 2026-Q4\n${lint}objectives:\n${objectives}`;
}
function objective(title: string, extra = ''): string {
  return (
    `  - id: O1\n    title: ${title}\n${extra}    key_results:\n` +
    `      - { id: KR1, title: Reduce P1 incidents from twelve to three, start: 12, target: 3 }\n`
  );
}
function findings(text: string, settings?: RuleSettings) {
  return lintText(text, 'platform.okr.yaml', { today: '2026-11-28', settings }).findings.filter((f) => f.ruleId === ID);
}

describe('objective-is-task', () => {
  it('matches its fixture: every expected finding, no other', () => {
    assertFixture(ID);
  });

  it('flags objectives phrased as tasks, pointing at the title', () => {
    for (const title of [
      'Complete the migration to Kubernetes',
      'Migrate to Kubernetes',
      'Build a data lake',
      'Implement SSO',
      'Rewrite billing in Go',
      'Migrating to Kubernetes',
      'migrate the ledger to Postgres',
      'IMPLEMENT SSO',
      'Roll out feature flags everywhere',
      'Set up a feature store for ML',
      'Deploy a global load balancer',
      'Upgrade Postgres from 13 to 16',
      'Modernise the data stack',
      '"Q3: Migrate search to OpenSearch"',
      'We will implement SSO for enterprise customers',
      'Kubernetes migration',
      'SSO implementation for enterprise customers',
    ]) {
      const text = okr(objective(title));
      const found = findings(text);
      assert.equal(found.length, 1, title);
      assert.equal(text.slice(found[0].span.start, found[0].span.end), title);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /not an outcome/);
      assert.match(found[0].message, /initiatives:/);
    }
  });

  it('names the words that make it a task', () => {
    assert.match(findings(okr(objective('Complete the migration to Kubernetes')))[0].message, /phrased as a task \("Complete"\)/);
    assert.match(findings(okr(objective('Kubernetes migration')))[0].message, /phrased as a piece of work \("migration"\)/);
  });

  it('leaves outcomes alone, including outcome verbs and task verbs used for outcomes', () => {
    for (const title of [
      'Customers can rely on our platform',
      'Engineers ship with confidence',
      'Make onboarding delightful',
      'Improve platform reliability',
      'Reduce toil for platform engineers',
      'Grow self-serve signups',
      'Build trust with enterprise buyers',
      'Establish a culture of ownership',
      'Move faster without breaking things',
      'Every release is boring',
      'Deliver value to customers faster',
    ]) {
      assert.deepEqual(findings(okr(objective(title))), [], title);
    }
  });

  it('leaves done and dropped objectives alone: they are history', () => {
    assert.deepEqual(findings(okr(objective('Migrate to Kubernetes', '    status: done\n'))), []);
    assert.deepEqual(findings(okr(objective('Migrate to Kubernetes', '    status: dropped\n    reason: merged into O2\n'))), []);
  });

  it('takes extra verbs and ignores verbs the team accepts', () => {
    assert.deepEqual(findings(okr(objective('Spike a vector store'))), []);
    assert.equal(findings(okr(objective('Spike a vector store')), { [ID]: { extraVerbs: ['spike'] } }).length, 1);
    assert.equal(findings(okr(objective('Automate the release process'))).length, 1);
    assert.deepEqual(
      findings(okr(objective('Automate the release process'), 'lint: { objective-is-task: { ignoreVerbs: [automate] } }\n')),
      [],
    );
  });

  it('reports an option of the wrong type in the file, and keeps linting', () => {
    const all = lintText(okr(objective('Implement SSO'), 'lint: { objective-is-task: { extraVerbs: spike } }\n'), 'x.okr.yaml', {
      today: '2026-11-28',
    }).findings;
    assert.ok(all.some((f) => f.ruleId === 'schema' && f.message.includes('extraVerbs')));
    assert.equal(all.filter((f) => f.ruleId === ID).length, 1);
  });

  it('can be suppressed for one line, or switched off', () => {
    assert.deepEqual(
      findings(okr(objective('Implement SSO').replace('    title:', '    # okr-lint-disable-next-line objective-is-task\n    title:'))),
      [],
    );
    assert.deepEqual(findings(okr(objective('Implement SSO'), 'lint: { objective-is-task: off }\n')), []);
    assert.deepEqual(findings(okr(objective('Implement SSO')), { [ID]: 'off' }), []);
  });

  it('has defaults of the types its options take', () => {
    assert.deepEqual(objectiveIsTask.defaultOptions, { extraVerbs: [], ignoreVerbs: [] });
    assert.equal(objectiveIsTask.fixable, undefined);
  });
});
