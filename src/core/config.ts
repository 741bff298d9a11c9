// Rule configuration: the `okr.lint.rules` setting (or a CLI default) overlaid by
// the file's own `lint:` block, which wins. A value is `off`, a severity, `true`/
// `false`, or `{ severity, ...options }`.

import type { RuleSettings, Severity } from './model';
import type { AnyRule } from './rule';
import { optionValueProblem } from './rule-options';
import { closestMatch } from './edit-distance';

export interface ResolvedRule {
  rule: AnyRule;
  enabled: boolean;
  severity: Severity;
  options: Record<string, unknown>;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A rule's default options, as the plain object every rule's options are. */
const defaultsOf = (rule: AnyRule): Record<string, unknown> => rule.defaultOptions as Record<string, unknown>;

/** A setting's value as the user wrote it, for messages (never throws, whatever the value). */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 59)}…` : v);
  try {
    const json = JSON.stringify(v);
    if (json !== undefined) return json.length > 60 ? `${json.slice(0, 59)}…` : json;
  } catch {
    // cyclic or exotic: fall through
  }
  return typeof v;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export interface ConfigProblem {
  /** The rule id (key) the problem is about, as written. */
  key: string;
  message: string;
}

function applyValue(resolved: ResolvedRule, value: unknown, key: string, problems: ConfigProblem[]): void {
  if (value === 'off' || value === false) {
    resolved.enabled = false;
    return;
  }
  if (value === 'on' || value === true) {
    resolved.enabled = true;
    return;
  }
  if (typeof value === 'string') {
    if ((SEVERITIES as string[]).includes(value)) {
      resolved.enabled = true;
      resolved.severity = value as Severity;
    } else {
      problems.push({
        key,
        message: `\`${key}: ${shown(value)}\` is not a setting: use off, error, warning, info, or { severity, ...options }.`,
      });
    }
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    resolved.enabled = true;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'severity') {
        if (v === 'off') resolved.enabled = false;
        else if (typeof v === 'string' && (SEVERITIES as string[]).includes(v)) resolved.severity = v as Severity;
        else problems.push({ key, message: `\`severity\` of ${key} must be error, warning, info or off, not ${shown(v)}.` });
        continue;
      }
      // Own keys only: `toString` or `constructor` are not options of any rule.
      if (!own(defaultsOf(resolved.rule), k)) {
        const known = Object.keys(defaultsOf(resolved.rule));
        const near = closestMatch(k, known);
        problems.push({
          key,
          message:
            `\`${key}\` has no option \`${k}\`.` +
            (near ? ` Did you mean \`${near}\`?` : known.length ? ` Its options: ${known.join(', ')}.` : ' It takes no options.'),
        });
        continue;
      }
      const fallback = defaultsOf(resolved.rule)[k];
      const expected = Array.isArray(fallback) ? 'list' : typeof fallback;
      const actual = Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v;
      if (actual !== expected || (typeof v === 'number' && !Number.isFinite(v))) {
        problems.push({ key, message: `Option \`${k}\` of ${key} must be a ${expected}, not ${shown(v)}.` });
        continue;
      }
      // The right kind of value: the rule's schema says whether it is one the rule can use.
      const schema = resolved.rule.optionsSchema?.[k];
      const problem = schema && optionValueProblem(schema, v);
      if (problem) {
        problems.push({ key, message: `Option \`${k}\` of ${key} ${problem}.` });
        continue;
      }
      resolved.options[k] = v;
    }
    return;
  }
  problems.push({
    key,
    message: `\`${key}: ${shown(value)}\` is not a setting: use off, error, warning, info, or { severity, ...options }.`,
  });
}

/** Resolves every rule's on/off, severity and options from layered settings (later layers win). */
export function resolveRules(rules: readonly AnyRule[], layers: RuleSettings[]): { resolved: ResolvedRule[]; problems: ConfigProblem[][] } {
  const resolved = rules.map<ResolvedRule>((rule) => ({
    rule,
    enabled: true,
    severity: rule.defaultSeverity,
    options: { ...defaultsOf(rule) },
  }));
  const byId = new Map(resolved.map((r) => [r.rule.id, r]));
  const ids = rules.map((r) => r.id);
  const problems = layers.map((layer) => {
    const out: ConfigProblem[] = [];
    if (layer === null || layer === undefined) return out;
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      out.push({ key: '', message: `Lint settings must be a mapping of rule ids to settings, not ${shown(layer)}.` });
      return out;
    }
    // `default` applies first, wherever it is written, so `{ kr-count: warning, default: off }` keeps kr-count on.
    if (own(layer, 'default')) {
      const value = layer.default;
      if (value === false || value === 'off') for (const r of resolved) r.enabled = false;
      else if (value === true || value === 'on') for (const r of resolved) r.enabled = true;
      else out.push({ key: 'default', message: `\`default\` must be on or off, not ${shown(value)}.` });
    }
    for (const [key, value] of Object.entries(layer)) {
      if (key === 'default') continue;
      const target = byId.get(key);
      if (!target) {
        const near = closestMatch(key, ids);
        out.push({ key, message: `Unknown rule \`${key}\` in lint settings.` + (near ? ` Did you mean \`${near}\`?` : '') });
        continue;
      }
      applyValue(target, value, key, out);
    }
    return out;
  });
  return { resolved, problems };
}
