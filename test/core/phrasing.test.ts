import { quoteTitle } from '../../src/core/escape';
import assert from 'node:assert/strict';
import {
  buildVerbLexicon,
  findDeadline,
  findQuantities,
  inflections,
  leadIndex,
  leadingTaskVerb,
  matchVerb,
  milestoneCue,
  objectiveTaskCue,
  performanceCue,
  routineCue,
  statesBaseline,
  stringList,
  taskLexicon,
  tokenize,
  withTokenCache,
} from '../../src/core/phrasing';

const quantities = (title: string) => findQuantities(title).map((q) => q.text);

describe('phrasing', () => {
  describe('tokenize', () => {
    it('splits words, numbers with units and symbols, keeping offsets', () => {
      const tokens = tokenize('Cut p95 from 800ms to €1.2M: done');
      assert.deepEqual(
        tokens.map((t) => [t.text, t.kind]),
        [
          ['Cut', 'word'],
          ['p95', 'word'],
          ['from', 'word'],
          ['800ms', 'number'],
          ['to', 'word'],
          ['€1.2M', 'number'],
          [':', 'symbol'],
          ['done', 'word'],
        ],
      );
      const t = tokens[5];
      assert.equal('Cut p95 from 800ms to €1.2M: done'.slice(t.start, t.end), '€1.2M');
    });

    it('keeps hyphenated words, compounds with digits and curly apostrophes together', () => {
      assert.deepEqual(
        tokenize('Team’s zero-trust 3-D day-7 24/7 Next.js').map((t) => t.lower),
        ["team's", 'zero-trust', '3-d', 'day-7', '24/7', 'next.js'],
      );
    });
  });

  describe('findQuantities', () => {
    it('finds numbers, percentages, currency and units', () => {
      assert.deepEqual(quantities('Grow EMEA revenue by 20%'), ['20%']);
      assert.deepEqual(quantities('Reduce spend from $1.40 to $1.05'), ['$1.40', '$1.05']);
      assert.deepEqual(quantities('Increase volume from €40M to €48M'), ['€40M', '€48M']);
      assert.deepEqual(quantities('Reduce p95 from 12s to 2s'), ['12s', '2s']);
      assert.deepEqual(quantities('Scale to 10x traffic'), ['10x']);
      assert.deepEqual(quantities('Reach 1,200 weekly signups'), ['1,200']);
      assert.deepEqual(quantities('Crash-free sessions at 99.8 %'), ['99.8 %']);
    });

    it('reads number words, joining "two hundred" and "twenty-five"', () => {
      assert.deepEqual(quantities('Reduce P1 incidents from twelve to three per quarter'), ['twelve', 'three']);
      assert.deepEqual(quantities('Increase API adoption from fifty to two hundred external integrations'), ['fifty', 'two hundred']);
      assert.deepEqual(quantities('Sign twenty-five partners'), ['twenty-five']);
      assert.deepEqual(quantities('Grow from two thousand to five thousand customers'), ['two thousand', 'five thousand']);
    });

    it('reads multipliers and halves', () => {
      assert.deepEqual(quantities('Double the number of models'), ['Double']);
      assert.deepEqual(quantities('Cut app start time in half'), ['in half']);
      assert.deepEqual(quantities('Deploy twice a day'), ['twice']);
      assert.deepEqual(quantities('Double down on enterprise'), []);
      assert.deepEqual(quantities('Move to a double-entry ledger'), []);
    });

    it('takes "one" and "zero" as numbers only where they count', () => {
      assert.deepEqual(quantities('Triage crashes within one business day'), ['one']);
      assert.deepEqual(quantities('Reduce deploy steps from five to one'), ['five', 'one']);
      assert.deepEqual(quantities('Move to one CI system'), []);
      assert.deepEqual(quantities('No one waits for a build'), []);
      assert.deepEqual(quantities('One-click checkout for everyone'), []);
      assert.deepEqual(quantities('Zero data loss during the upgrade'), ['Zero']);
      assert.deepEqual(quantities('Adopt zero trust networking'), []);
      assert.deepEqual(quantities('Adopt zero-trust networking'), []);
    });

    it('ignores versions, standards, labels, ranks and names with digits', () => {
      for (const title of [
        'Achieve SOC 2 Type II certification',
        'Achieve ISO 27001 certification',
        'Achieve PCI DSS 4.0 compliance',
        'Implement 3-D Secure 2 for all card flows',
        'Upgrade Postgres from 13 to 16',
        'Release iOS 18 widgets',
        'Reduce P1 incidents',
        'Move assets to S3 and EC2',
        'Enforce 2FA for admins',
        'Provide 24/7 support customers love',
        'Be the #1 choice for SMB payroll',
        'Improve day-7 retention',
        'Tier 1 services never page twice for the same cause',
        'Customers in region 12 can rely on our platform',
        'Ship 3DS2 everywhere',
        'Rank 1st in app store search',
        'Upgrade to Node.js 22',
      ]) {
        assert.deepEqual(
          quantities(title).filter((q) => q !== 'twice'),
          [],
          title,
        );
      }
    });

    it('ignores dates, quarters and years, but not counts that look like years', () => {
      assert.deepEqual(quantities('Ship the new API by March'), []);
      assert.deepEqual(quantities('Marketing site migrated by Oct 31'), []);
      assert.deepEqual(quantities('Data lake GA by 2026-12-01'), []);
      assert.deepEqual(quantities('Launch by Q3 2026'), []);
      assert.deepEqual(quantities('Win the mid-market in 2027'), []);
      assert.deepEqual(quantities('Finish by week 6'), []);
      assert.deepEqual(quantities('Reach 2000 customers'), ['2000']);
    });
  });

  describe('findDeadline', () => {
    it('finds the usual deadline phrasings', () => {
      for (const [title, deadline] of [
        ['Ship the new API by March', 'by March'],
        ['Done by the end of Q3', 'by the end of Q3'],
        ['Live by end of quarter', 'by end of quarter'],
        ['Cut over before 2026-12-01', 'before 2026-12-01'],
        ['In the Play Store by Q1', 'by Q1'],
        ['Migrated to Next.js by Oct 31', 'by Oct 31'],
        ['Launch in mid-November', 'in mid-November'],
        ['Submit it due 15 Dec', 'due 15 Dec'],
        ['GA by EOQ', 'by EOQ'],
      ]) {
        assert.equal(findDeadline(title)?.text, deadline, title);
      }
    });

    it('does not take counts, rates or words that start like months for deadlines', () => {
      for (const title of [
        'Launch in 5 new markets',
        'Reduce incidents by 20%',
        'Three per quarter',
        'Grow by marketing',
        'Decide by mayor vote',
      ]) {
        assert.equal(findDeadline(title), undefined, title);
      }
    });
  });

  describe('statesBaseline', () => {
    it('finds "from X to Y", "up from", arrows, "baseline" and "currently"', () => {
      for (const title of [
        'Reduce build time from 20 to 8 minutes',
        'Increase API adoption from fifty to two hundred external integrations',
        'Auto-approve 60% of listings, up from 20%',
        'Share of tagged spend: 55% → 95%',
        'Latency 900ms -> 250ms',
        'NPS (baseline: 31) to 45',
        'Cut lead time from idea to production from 45 days to 10 days',
        'Churn at 2%, currently 3.1%',
      ]) {
        assert.equal(statesBaseline(title), true, title);
      }
    });

    it('does not take "from" before words or versions for a baseline', () => {
      for (const title of [
        'Grow revenue from SMB customers to $5M',
        'Upgrade Postgres from 13 to 16',
        'Reduce latency for users from Asia to 200ms',
        'Achieve 99.95% uptime',
      ]) {
        assert.equal(statesBaseline(title), false, title);
      }
    });
  });

  describe('verbs', () => {
    it('inflects regular, doubling and irregular verbs', () => {
      assert.deepEqual(inflections('ship'), { gerund: ['shiping', 'shipping'], past: ['shiped', 'shipped'] });
      assert.deepEqual(inflections('migrate'), { gerund: ['migrating'], past: ['migrated'] });
      assert.ok(inflections('build').past.includes('built'));
      assert.ok(inflections('rewrite').past.includes('rewritten'));
    });

    it('matches verbs in any case, -ing form, British spelling and with their particles', () => {
      const lexicon = buildVerbLexicon(['migrate', 'roll out', 'set up', 'modernize', 'build', 'build out']);
      const at0 = (title: string) => matchVerb(tokenize(title), 0, lexicon)?.base;
      assert.equal(at0('MIGRATE to Kubernetes'), 'migrate');
      assert.equal(at0('Migrating to Kubernetes'), 'migrate');
      assert.equal(at0('Roll out canary deploys'), 'roll out');
      assert.equal(at0('Rolling out canary deploys'), 'roll out');
      assert.equal(at0('Roll-out of canaries'), 'roll out');
      assert.equal(at0('Set-up a feature store'), 'set up');
      assert.equal(at0('Modernise the data stack'), 'modernize');
      assert.equal(at0('Build out the edge'), 'build out');
      assert.equal(at0('Build a data lake'), 'build');
      assert.equal(at0('Roll the dice'), undefined, 'a verb listed only with a particle needs it');
      assert.equal(at0('Migrates happen weekly'), undefined, 'third-person forms read as plural nouns');
    });

    it('skips labels, "We will", "To" and adverbs before the leading verb', () => {
      for (const title of [
        'Q3: Migrate search',
        'We will migrate search',
        "We'll migrate search",
        'To migrate search',
        'Successfully migrate search',
        "Let's migrate search",
        '  migrate search',
      ]) {
        const tokens = tokenize(title);
        assert.equal(tokens[leadIndex(tokens)].lower, 'migrate', title);
      }
    });

    it('does not take a verb for a task when an outcome follows it', () => {
      for (const title of [
        'Ship with confidence',
        'Release weekly',
        'Move faster without breaking things',
        'Build trust with enterprise buyers',
        'Establish a culture of ownership',
        'Deliver value to customers faster',
        'Enable teams to ship on their own',
        'Design system adoption from 30% to 80%',
      ]) {
        assert.equal(leadingTaskVerb(tokenize(title)), undefined, title);
      }
      assert.equal(leadingTaskVerb(tokenize('Enable SSO for every customer'))?.base, 'enable');
    });

    it('adds and removes verbs for a rule', () => {
      const lexicon = taskLexicon(['spike', 'hand off'], ['automate']);
      assert.equal(matchVerb(tokenize('Spiking a vector store'), 0, lexicon)?.base, 'spike');
      assert.equal(matchVerb(tokenize('Hand off billing'), 0, lexicon)?.base, 'hand off');
      assert.equal(matchVerb(tokenize('Automate releases'), 0, lexicon), undefined);
      assert.equal(matchVerb(tokenize('Migrate billing'), 0, lexicon)?.base, 'migrate');
    });
  });

  describe('objectiveTaskCue', () => {
    it('finds tasks by their leading verb', () => {
      for (const [title, words] of [
        ['Complete the migration to Kubernetes', 'Complete'],
        ['Implement SSO', 'Implement'],
        ['Rewrite billing in Go', 'Rewrite'],
        ['Migrating the app to React Native', 'Migrating'],
        ['Set up a feature store', 'Set up'],
        ['Payouts: fix reconciliation bugs', 'fix'],
        ['We will implement SSO for enterprise customers', 'implement'],
      ]) {
        assert.deepEqual(objectiveTaskCue(title), { words, kind: 'verb' }, title);
      }
    });

    it('finds verbless tasks by their head noun', () => {
      assert.deepEqual(objectiveTaskCue('Kubernetes migration'), { words: 'migration', kind: 'noun' });
      assert.deepEqual(objectiveTaskCue('SSO implementation for enterprise customers'), { words: 'implementation', kind: 'noun' });
      assert.deepEqual(objectiveTaskCue('Data platform modernisation'), { words: 'modernisation', kind: 'noun' });
    });

    it('leaves outcomes alone', () => {
      for (const title of [
        'Customers can rely on our platform',
        'Engineers ship with confidence',
        'Make onboarding delightful',
        'Improve platform reliability',
        'Every release is boring',
        'Reduce the risk of the Kubernetes migration',
        'Expand into Japan',
      ]) {
        assert.equal(objectiveTaskCue(title), undefined, title);
      }
    });
  });

  describe('milestoneCue', () => {
    it('names why a key result is a milestone', () => {
      assert.deepEqual(milestoneCue('Ship the new API by March'), { kind: 'verb', words: 'Ship' });
      assert.deepEqual(milestoneCue('Migrate 40 of 55 services to Kubernetes'), { kind: 'verb', words: 'Migrate' });
      assert.deepEqual(milestoneCue('Android tablet app in the Play Store by Q1'), { kind: 'deadline', words: 'by Q1' });
      assert.deepEqual(milestoneCue('Feature store in production'), { kind: 'state', words: 'in production' });
      assert.deepEqual(milestoneCue('SSO enabled for all internal apps'), { kind: 'state', words: 'enabled' });
      assert.deepEqual(milestoneCue('Achieve ISO 27001 certification'), { kind: 'certification', words: 'certification' });
      assert.deepEqual(milestoneCue('Cost dashboards for every team'), { kind: 'deliverable', words: 'dashboards' });
      assert.deepEqual(milestoneCue('Server-side rendering for product pages'), { kind: 'deliverable', words: 'rendering' });
      assert.deepEqual(milestoneCue('Brazil checkout', { target: 1, start: 0 }), { kind: 'binary-target', words: 'target: 1' });
      assert.deepEqual(milestoneCue('Brazil checkout', { target: 1, unit: 'done' }), { kind: 'binary-target', words: 'target: 1' });
    });

    it('leaves measured outcomes alone, whatever the verb', () => {
      for (const title of [
        'Reduce build time from 20 to 8 minutes',
        'Launch NPS above 40 for the new CLI',
        'Release weekly instead of every three weeks',
        'Ship 40% less JavaScript on product pages',
        'Achieve 99.95% uptime for core services',
        'Close 40 new SMB deals per month',
        'Improve developer experience',
        'Better internal tools',
        'Keep the JS bundle under 5 MB',
        'Review all IAM roles quarterly',
        'Launch self-serve checkout reaching 500 paying customers',
      ]) {
        assert.equal(milestoneCue(title), undefined, title);
      }
      assert.equal(milestoneCue('Brazil checkout', { target: 1, unit: 'merchants' }), undefined);
      assert.equal(milestoneCue('Brazil checkout', { target: 1, start: 1 }), undefined);
    });
  });

  describe('routineCue', () => {
    it('finds bug fixing, on-call, maintenance and keeping the lights on', () => {
      for (const [title, cue] of [
        ['Keep the lights on for legacy services', 'keeping the lights on'],
        ['KTLO for payments', 'keeping the lights on'],
        ['Staff the weekend on-call rotation', 'on-call'],
        ['ML platform support rota', 'on-call'],
        ['Fix all open reconciliation bugs', 'bug fixing'],
        ['Clear the backlog of search bugs', 'bug fixing'],
        ['Patch every host within 14 days', 'maintenance'],
        ['Upgrade Spark to 3.5', 'upgrades'],
        ['Update npm dependencies every sprint', 'upgrades'],
        ['Keep data pipelines running', 'keeping things running'],
        ['Answer all support tickets within SLA', 'support and alert handling'],
        ['Review all IAM roles quarterly', 'recurring upkeep'],
      ]) {
        assert.equal(routineCue(title), cue, title);
      }
    });

    it('leaves improvements of routine work, and look-alikes, alone', () => {
      for (const title of [
        'Reduce pages per on-call shift from 25 to 5',
        'Automate dependency upgrades',
        'Cut time spent on maintenance from 40% to 20%',
        'Keep checkout p99 below 300ms',
        'Zero data loss during the Postgres upgrade',
        'Release weekly',
      ]) {
        assert.equal(routineCue(title), undefined, title);
      }
    });
  });

  it('tokenizes a text once while a file is linted (withTokenCache), and afresh outside', () => {
    const title = 'Cut P1 incidents from 12 to 3';
    assert.notEqual(tokenize(title), tokenize(title));
    withTokenCache(() => {
      const first = tokenize(title);
      assert.equal(tokenize(title.slice(0)), first);
      assert.deepEqual(
        first.map((t) => t.lower),
        ['cut', 'p1', 'incidents', 'from', '12', 'to', '3'],
      );
      withTokenCache(() => assert.notEqual(tokenize(title), first));
      assert.equal(tokenize(title), first);
    });
    assert.notEqual(tokenize(title), tokenize(title));
  });

  describe('performanceCue', () => {
    it('finds bonuses, pay, ratings and promotions', () => {
      for (const [text, cue] of [
        ['Link engineering bonuses to OKR attainment', 'bonuses'],
        ['OKR scores feed into annual performance reviews', 'performance reviews'],
        ["Use OKR scores as 50% of each engineer's performance rating", 'performance reviews'],
        ['Salary increases follow OKR scores', 'pay'],
        ['Get promoted to staff by hitting every key result', 'promotions'],
        ['Promotion packets cite OKR attainment', 'promotions'],
        // Any case: the words are looked for before the text is tokenized.
        ['LINK ENGINEERING BONUSES TO OKR ATTAINMENT', 'bonuses'],
        ['Merit Raises follow OKR scores', 'pay'],
        ['Yearly OKR scores decide who GETS PROMOTED', 'promotions'],
      ]) {
        assert.equal(performanceCue(text), cue, text);
      }
    });

    it('leaves marketing promotions, referral bonuses, app ratings and code reviews alone', () => {
      for (const text of [
        'Run a Black Friday promotion for annual plans',
        'Launch a referral bonus for new users',
        'Raise App Store rating from 4.1 to 4.6',
        'Cut time to first code review',
        'Reduce payout failures',
        'Complete a performance review of the checkout service',
        'Promote the new pricing',
      ]) {
        assert.equal(performanceCue(text), undefined, text);
      }
    });
  });

  it('quoteTitle flattens and shortens titles for messages', () => {
    assert.equal(quoteTitle('Ship  the\nnew API'), '"Ship the new API"');
    assert.equal(quoteTitle('x'.repeat(80), 10), `"${'x'.repeat(9)}…"`);
  });

  it('stringList keeps the strings of a list option and ignores anything else', () => {
    assert.deepEqual(stringList(['a', 2, ' ', 'b']), ['a', 'b']);
    assert.deepEqual(stringList({ a: 'b' }), []);
    assert.deepEqual(stringList('a'), []);
  });
});
