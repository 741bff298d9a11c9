import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits';
import { lintText } from '../../../src/core/lint';
import type { Finding, RuleSettings } from '../../../src/core/model';
import { parseOkr } from '../../../src/core/parse';
import { krIsMilestone } from '../../../src/core/rules/kr-is-milestone';
import { assertFixture, okrFile } from './rule-fixture';

const ID = 'kr-is-milestone';
/** The shared fixture helper's file head: `version`, `team: Platform`, `period: 2026-Q4`, `objectives:`. */
const HEAD = okrFile('');

function findings(text: string, settings?: RuleSettings): Finding[] {
  return lintText(text, 'platform.okr.yaml', { today: '2026-11-28', settings }).findings.filter((f) => f.ruleId === ID);
}
function okr(keyResults: string, objectiveExtra = ''): string {
  return `${HEAD}  - id: O1\n    title: Customers can rely on our platform\n${objectiveExtra}    key_results:\n${keyResults}`;
}
/** The text after applying the one milestone finding's fix; fails when there is not exactly one, or no fix. */
function fixed(text: string): string {
  const found = findings(text);
  assert.equal(found.length, 1, `one finding expected, got ${found.map((f) => f.message).join(' | ')}`);
  assert.ok(found[0].fixes?.length, 'a fix expected');
  const out = applyEdits(text, found[0].fixes[0].edits);
  assert.deepEqual(
    parseOkr(out, 'x').findings.map((f) => f.message),
    [],
    'the fixed text parses cleanly',
  );
  return out;
}

describe('kr-is-milestone', () => {
  it('matches its fixture: every expected finding, no other', () => {
    assertFixture(ID);
  });

  describe('finding', () => {
    it('flags deliverables and dates, at the title, quoting the guide', () => {
      for (const title of [
        'Ship the new API by March',
        'Launch the portal',
        'Complete the SOC 2 audit',
        'Migrate 40 of 55 services to Kubernetes',
        'Billing service migrated to Go by end of Q4',
        'Data lake GA by 2026-12-01',
        'Feature store in production',
        'Achieve ISO 27001 certification',
        'Shipping SAML and OIDC login',
        'ship the new API by March',
        'Localise the app into Japanese',
        'Cost dashboards for every team',
      ]) {
        const text = okr(`      - id: KR1\n        title: ${title}\n`);
        const found = findings(text);
        assert.equal(found.length, 1, title);
        assert.equal(found[0].severity, 'warning');
        assert.equal(text.slice(found[0].span.start, found[0].span.end), title);
        assert.match(found[0].message, /not a measured outcome/);
        assert.match(found[0].message, /"Ship the new API by March" is a milestone, not a key result/);
        assert.match(found[0].message, /Increase API adoption from fifty to two hundred external integrations/);
      }
    });

    it('says what makes it a milestone', () => {
      const message = (title: string, extra = '') => findings(okr(`      - id: KR1\n        title: ${title}\n${extra}`))[0].message;
      assert.match(message('Ship the new API by March'), /is a deliverable with a date \("Ship", "by March"\)/);
      assert.match(message('Launch the portal'), /is a deliverable \("Launch"\)/);
      assert.match(message('API v2 live by March'), /is a deliverable with a date \("by March"\)/);
      assert.match(message('SSO enabled for all internal apps'), /is a deliverable \("enabled"\)/);
      assert.match(message('Achieve PCI DSS 4.0 compliance'), /is a certificate to obtain \("compliance"\)/);
      assert.match(message('Brazil checkout', '        target: 1\n'), /done-or-not milestone \(`target: 1`\)/);
    });

    it('leaves measured outcomes alone, even with a delivery verb or no target field', () => {
      for (const title of [
        'Reduce build time from 20 to 8 minutes',
        'Launch NPS above 40 for the new CLI',
        'Increase API adoption from fifty to two hundred external integrations',
        'Release weekly instead of every three weeks',
        'Achieve 99.95% uptime for core services',
        'Improve developer experience',
        'Keep the 3DS challenge rate below 15%',
        'Design system components used on 90% of pages',
      ]) {
        assert.deepEqual(findings(okr(`      - id: KR1\n        title: ${title}\n`)), [], title);
      }
    });

    it('leaves done and dropped key results, and those of inactive objectives, alone', () => {
      assert.deepEqual(findings(okr('      - { id: KR1, title: Launch the portal, status: done }\n')), []);
      assert.deepEqual(findings(okr('      - { id: KR1, title: Launch the portal, status: dropped, reason: moved }\n')), []);
      assert.deepEqual(findings(okr('      - { id: KR1, title: Launch the portal }\n', '    status: dropped\n    reason: reorg\n')), []);
    });

    it('takes extra verbs and ignores verbs the team accepts', () => {
      const spike = okr('      - { id: KR1, title: Spike a vector store }\n');
      assert.deepEqual(findings(spike), []);
      assert.equal(findings(spike, { [ID]: { extraVerbs: ['spike'] } }).length, 1);
      const automate = okr('      - { id: KR1, title: Automate the release process }\n');
      assert.equal(findings(automate).length, 1);
      assert.deepEqual(findings(automate, { [ID]: { ignoreVerbs: ['automate'] } }), []);
      assert.equal(findings(automate, { [ID]: { ignoreVerbs: { automate: true } } }).length, 1, 'a mapping is not a list of verbs');
    });

    it('can be suppressed for one line', () => {
      const text = okr(
        '      # okr-lint-disable-next-line kr-is-milestone -- the auditor needs the date\n' +
          '      - { id: KR1, title: Submit the report by 2026-12-01 }\n      - { id: KR2, title: Launch the portal }\n',
      );
      const found = findings(text);
      assert.equal(found.length, 1);
      assert.equal(text.slice(found[0].span.start, found[0].span.end), 'Launch the portal');
    });

    it('is marked fixable, and its fix is named for the key result', () => {
      assert.equal(krIsMilestone.fixable, true);
      const [f] = findings(okr('      - { id: PLAT-KR9, title: Launch the portal }\n'));
      assert.equal(f.fixes![0].title, "Move PLAT-KR9 to the objective's `initiatives:`");
    });
  });

  describe('fix: move the key result to initiatives', () => {
    it('block style: cuts the item and appends to existing block initiatives, keeping owner and comments elsewhere', () => {
      const text =
        HEAD +
        '  - id: PLAT-O1\n' +
        '    title: Customers can rely on our platform\n' +
        '    key_results:\n' +
        '      - id: PLAT-KR1\n' +
        '        title: Reduce P1 incidents from twelve to three per quarter\n' +
        '        start: 12\n' +
        '        target: 3\n' +
        '      - id: PLAT-KR2\n' +
        '        title: Ship the new API by March   # the partner team asked\n' +
        '        owner: li\n' +
        '      # reliability\n' +
        '      - id: PLAT-KR3\n' +
        '        title: Achieve 99.95% uptime for core services\n' +
        '        start: 99.5\n' +
        '        target: 99.95\n' +
        '    initiatives:\n' +
        '      - { id: PLAT-I1, title: Canary deploys for every service, status: in_progress }\n' +
        '  - id: PLAT-O2\n' +
        '    title: Engineers ship with confidence\n' +
        '    key_results:\n' +
        '      - { id: PLAT-KR4, title: Cut change failure rate from 18% to 8% }\n';
      assert.equal(
        fixed(text),
        HEAD +
          '  - id: PLAT-O1\n' +
          '    title: Customers can rely on our platform\n' +
          '    key_results:\n' +
          '      - id: PLAT-KR1\n' +
          '        title: Reduce P1 incidents from twelve to three per quarter\n' +
          '        start: 12\n' +
          '        target: 3\n' +
          '      # reliability\n' +
          '      - id: PLAT-KR3\n' +
          '        title: Achieve 99.95% uptime for core services\n' +
          '        start: 99.5\n' +
          '        target: 99.95\n' +
          '    initiatives:\n' +
          '      - { id: PLAT-I1, title: Canary deploys for every service, status: in_progress }\n' +
          '      - { id: PLAT-KR2, title: Ship the new API by March, owner: li, status: planned }\n' +
          '  - id: PLAT-O2\n' +
          '    title: Engineers ship with confidence\n' +
          '    key_results:\n' +
          '      - { id: PLAT-KR4, title: Cut change failure rate from 18% to 8% }\n',
      );
    });

    it('block style without initiatives: adds the key after the key results, before the next objective', () => {
      const text =
        HEAD +
        '  - id: O1\n    title: Make onboarding delightful\n    key_results:\n' +
        '      - id: KR1\n        title: Increase day-7 retention from 22% to 30%\n' +
        '      - id: KR2\n        title: Redesign the onboarding flow\n' +
        '  - id: O2\n    title: Grow self-serve signups\n';
      assert.equal(
        fixed(text),
        HEAD +
          '  - id: O1\n    title: Make onboarding delightful\n    key_results:\n' +
          '      - id: KR1\n        title: Increase day-7 retention from 22% to 30%\n' +
          '    initiatives:\n      - { id: KR2, title: Redesign the onboarding flow, status: planned }\n' +
          '  - id: O2\n    title: Grow self-serve signups\n',
      );
    });

    it('block style without initiatives: a middle item, with keys after the key results', () => {
      const text =
        HEAD +
        '  - id: O1\n    title: Make onboarding delightful\n    key_results:\n' +
        '      - { id: KR1, title: Launch the new onboarding flow, target: 1, current: 1 }\n' +
        '      - { id: KR2, title: Increase day-7 retention from 22% to 30% }\n' +
        '    owner: ana\n';
      assert.equal(
        fixed(text),
        HEAD +
          '  - id: O1\n    title: Make onboarding delightful\n    key_results:\n' +
          '      - { id: KR2, title: Increase day-7 retention from 22% to 30% }\n' +
          '    initiatives:\n      - { id: KR1, title: Launch the new onboarding flow, status: done }\n' +
          '    owner: ana\n',
      );
    });

    it('one-line flow lists: removes the entry with its comma, first, last or only', () => {
      const line = (items: string) =>
        okr(`      - { id: KR0, title: Cut churn from 3% to 2% }\n`).replace(
          / {4}key_results:\n[\s\S]*$/,
          `    key_results: [${items}]\n    initiatives: []\n`,
        );
      const entry = '{ id: KR2, title: Launch the portal, status: planned }';
      assert.equal(
        fixed(line(' { id: KR1, title: Cut churn from 3% to 2% }, { id: KR2, title: Launch the portal } ')),
        line(' { id: KR1, title: Cut churn from 3% to 2% } ').replace('initiatives: []', `initiatives: [${entry}]`),
      );
      assert.equal(
        fixed(line('{ id: KR2, title: Launch the portal },{ id: KR1, title: Cut churn from 3% to 2% }')),
        line('{ id: KR1, title: Cut churn from 3% to 2% }').replace('initiatives: []', `initiatives: [${entry}]`),
      );
      assert.equal(fixed(line(' { id: KR2, title: Launch the portal } ')), line('').replace('initiatives: []', `initiatives: [${entry}]`));
    });

    it('appends to a non-empty flow list of initiatives, with or without a trailing comma', () => {
      const text = (initiatives: string) =>
        okr('      - { id: KR1, title: Launch the portal, owner: sam }\n      - { id: KR2, title: Cut churn from 3% to 2% }\n', ``).replace(
          /$/,
          `    initiatives: ${initiatives}\n`,
        );
      const entry = '{ id: KR1, title: Launch the portal, owner: sam, status: planned }';
      const expected = (initiatives: string) =>
        `${HEAD}  - id: O1\n    title: Customers can rely on our platform\n    key_results:\n` +
        `      - { id: KR2, title: Cut churn from 3% to 2% }\n    initiatives: ${initiatives}\n`;
      assert.equal(fixed(text('[ { id: I1, title: Backstage spike } ]')), expected(`[ { id: I1, title: Backstage spike }, ${entry} ]`));
      assert.equal(fixed(text('[ { id: I1, title: Backstage spike }, ]')), expected(`[ { id: I1, title: Backstage spike }, ${entry} ]`));
    });

    it('fills an `initiatives:` key that has no value yet', () => {
      const text =
        okr('      - { id: KR1, title: Launch the portal }\n      - { id: KR2, title: Cut churn from 3% to 2% }\n') +
        '    initiatives:   # none yet\n  - id: O2\n    title: Grow self-serve signups\n';
      assert.equal(
        fixed(text),
        okr('      - { id: KR2, title: Cut churn from 3% to 2% }\n') +
          '    initiatives:   # none yet\n      - { id: KR1, title: Launch the portal, status: planned }\n  - id: O2\n' +
          '    title: Grow self-serve signups\n',
      );
    });

    it('a whole objective in flow style gains an `initiatives:` entry', () => {
      const text =
        `${HEAD}  - { id: O1, title: Offline mode customers can count on, key_results: [ { id: K1, title: Ship offline mode ` +
        `} ], owner: li }\n`;
      assert.equal(
        fixed(text),
        `${HEAD}  - { id: O1, title: Offline mode customers can count on, key_results: [], initiatives: [{ id: K1, title: Ship offline ` +
          `mode, status: planned }], owner: li }\n`,
      );
    });

    it('keeps CRLF line breaks, and works on the last line of a file without a final break', () => {
      const crlf = okr(
        '      - id: KR1\n        title: Cut churn from 3% to 2%\n      - id: KR2\n        title: Launch the portal\n',
      ).replace(/\n/g, '\r\n');
      assert.equal(
        fixed(crlf),
        okr(
          '      - id: KR1\n        title: Cut churn from 3% to 2%\n    initiatives:\n' +
            '      - { id: KR2, title: Launch the portal, status: planned }\n',
        ).replace(/\n/g, '\r\n'),
      );
      const noFinalBreak = okr(
        '      - id: KR1\n        title: Cut churn from 3% to 2%\n      - id: KR2\n        title: Launch the portal',
      );
      assert.equal(
        fixed(noFinalBreak),
        okr(
          '      - id: KR1\n        title: Cut churn from 3% to 2%\n    initiatives:\n' +
            '      - { id: KR2, title: Launch the portal, status: planned }',
        ),
      );
    });

    it('carries progress over as the initiative status, and quotes titles that need it', () => {
      const entry = (kr: string) => {
        const out = fixed(okr(`${kr}\n      - { id: KR2, title: Cut churn from 3% to 2% }\n`));
        return out.slice(out.indexOf('      - {', out.indexOf('initiatives:'))).trim();
      };
      assert.equal(
        entry('      - { id: KR1, title: Launch the portal, target: 1, current: 0 }'),
        '- { id: KR1, title: Launch the portal, status: planned }',
      );
      assert.equal(
        entry('      - { id: KR1, title: Migrate 40 services, start: 0, target: 40, current: 12 }'),
        '- { id: KR1, title: Migrate 40 services, status: in_progress }',
      );
      assert.equal(
        entry('      - { id: KR1, title: Launch the portal, target: 1, current: 1 }'),
        '- { id: KR1, title: Launch the portal, status: done }',
      );
      assert.equal(entry('      - { id: KR1, title: "Portal: launch it" }'), '- { id: KR1, title: "Portal: launch it", status: planned }');
      assert.equal(
        entry('      - id: KR1\n        title: >-\n          Launch the partner\n          portal'),
        '- { id: KR1, title: Launch the partner portal, status: planned }',
      );
      assert.equal(
        entry('      - { id: KR1, title: Launch the portal, owner: "0x1F" }'),
        '- { id: KR1, title: Launch the portal, owner: "0x1F", status: planned }',
      );
      assert.equal(
        entry('      - { id: KR1, title: Launch the Zoë’s portal }'),
        '- { id: KR1, title: "Launch the Zoë’s portal", status: planned }',
      );
    });

    it('offers no fix when moving would lose data or the text is not plain enough to cut exactly', () => {
      const noFix = (text: string, why: string) => {
        const found = findings(text);
        assert.equal(found.length, 1, why);
        assert.equal(found[0].fixes, undefined, why);
      };
      noFix(okr('      - { id: KR1, title: Launch the portal, description: for partners }\n'), 'a description');
      noFix(okr('      - { id: KR1, title: Launch the portal, check_ins: [ { date: 2026-11-01, value: 0 } ] }\n'), 'check-ins');
      noFix(okr('      - &portal { id: KR1, title: Launch the portal }\n'), 'an anchor other nodes may use');
      const aliased =
        `${HEAD}  - id: O1\n    title: Customers can rely on our platform\n    key_results:\n` +
        `      - &portal { id: KR1, title: Launch the portal }\n  - id: O2\n    title: Partners self-serve\n    key_results:\n` +
        `      - *portal\n`;
      // The alias reports at the anchored text (the parser shares its spans); how many times is the engine's business.
      const both = findings(aliased);
      assert.ok(both.length > 0);
      assert.ok(
        both.every((f) => f.fixes === undefined),
        'neither the anchor nor the alias is cut',
      );
      noFix(
        okr('      - { id: KR1, title: Launch the portal } ]\n')
          .replace('    key_results:\n      - ', '    key_results: [\n      ')
          .replace(' } ]', ' },  # soon\n      { id: KR2, title: Cut churn from 3% to 2% } ]'),
        'a comment inside a flow list',
      );
      noFix(okr('      - # the portal\n        id: KR1\n        title: Launch the portal\n'), 'a comment before the first key of the item');
      noFix(
        okr('      - { id: KR1, title: Launch the portal }\n') + '    initiatives: [ { id: I1, title: Spike }  # later\n    ]\n',
        'a comment in the flow initiatives',
      );
    });

    it('every fix on a file leaves a file whose only change is the move', () => {
      const text = okr(
        '      - { id: KR1, title: Launch the portal }\n      - { id: KR2, title: Ship SSO by March }\n' +
          '      - { id: KR3, title: Cut churn from 3% to 2% }\n',
      );
      const found = findings(text);
      assert.equal(found.length, 2);
      for (const f of found) {
        const after = parseOkr(applyEdits(text, f.fixes![0].edits), 'x').file.objectives[0];
        assert.equal(after.keyResults.length, 2);
        assert.equal(after.initiatives.length, 1);
        assert.equal(text.slice(f.span.start, f.span.end), after.initiatives[0].title);
      }
    });
  });
});
