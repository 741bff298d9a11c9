import assert from 'node:assert/strict';
import { optionValueProblem } from '../../../../src/core/rule-options';
import { countRangeOptions } from '../../../../src/core/rules/utils/count-range';
import { krCount } from '../../../../src/core/rules/kr-count';
import { objectiveCount } from '../../../../src/core/rules/objective-count';

describe('rules/utils/count-range', () => {
  const { defaultOptions, optionsSchema } = countRangeOptions({ min: 2, max: 4 }, 'Fewest things.', 'Most things.');

  it('keeps the defaults it is given and describes each option with its own text', () => {
    assert.deepEqual(defaultOptions, { min: 2, max: 4 });
    assert.deepEqual(Object.keys(optionsSchema), ['min', 'max']);
    assert.equal(optionsSchema.min.description, 'Fewest things.');
    assert.equal(optionsSchema.max.description, 'Most things.');
  });

  it('takes a whole number of at least 0 as `min` and of at least 1 as `max`', () => {
    assert.equal(optionValueProblem(optionsSchema.min, 0), undefined);
    assert.equal(optionValueProblem(optionsSchema.min, -1), 'must be a whole number of at least 0, not -1');
    assert.equal(optionValueProblem(optionsSchema.min, 1.5), 'must be a whole number of at least 0, not 1.5');
    assert.equal(optionValueProblem(optionsSchema.max, 1), undefined);
    assert.equal(optionValueProblem(optionsSchema.max, 0), 'must be a whole number of at least 1, not 0');
    assert.equal(optionValueProblem(optionsSchema.max, '3'), 'must be a whole number of at least 1, not "3"');
  });

  it('is what kr-count and objective-count take, with their own defaults and descriptions', () => {
    assert.deepEqual(krCount.defaultOptions, { min: 2, max: 4 });
    assert.deepEqual(objectiveCount.defaultOptions, { min: 1, max: 5 });
    assert.deepEqual(krCount.optionsSchema, {
      min: { type: 'integer', minimum: 0, description: 'Fewest active key results per active objective.' },
      max: { type: 'integer', minimum: 1, description: 'Most active key results per active objective.' },
    });
    assert.deepEqual(objectiveCount.optionsSchema, {
      min: { type: 'integer', minimum: 0, description: 'Fewest objectives (not dropped) a file should have.' },
      max: { type: 'integer', minimum: 1, description: 'Most active objectives a file should have.' },
    });
  });
});
