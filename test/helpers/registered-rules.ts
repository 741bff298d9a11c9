// Tests that need a rule of their own (a probe that records what the engine gives it) add it to
// the registry for one test and take it out again, also when the test throws or, for an async
// test, once it settles.

import type { AnyRule } from '../../src/core/rule';
import { rules } from '../../src/core/rules';

export function withRulesRegistered<T>(added: readonly AnyRule[], fn: () => T): T {
  const registry = rules as AnyRule[];
  registry.push(...added);
  const remove = () => added.forEach((r) => registry.splice(registry.indexOf(r), 1));
  let result: T;
  try {
    result = fn();
  } catch (err) {
    remove();
    throw err;
  }
  if (result instanceof Promise) return result.finally(remove) as T;
  remove();
  return result;
}
